import type { Computed } from "../template/evaluate-expression.ts";

const NUMBER = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 4 });

/** "1.260", "1,5" — Vietnamese grouping with dots and a decimal comma. */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** "99,37%", "100%": the percentage as computed (already rounded), without trailing zeros. */
export function formatPercent(value: number): string {
  return `${new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 6 }).format(value)}%`;
}

/** A computed figure as report text. */
export function formatComputed(value: Computed): string {
  if (value.type === "percent") return formatPercent(value.value);
  if (value.type === "number") return formatNumber(value.value);
  return value.value ? "có" : "không";
}

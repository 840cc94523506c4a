import { numberText } from "../answer-format/number-text.ts";
import type { Computed } from "../template/evaluate-expression.ts";

/** "1.260", "1,5": the report is Vietnamese, so dots group and a comma marks decimals. */
export function formatNumber(value: number): string {
  return numberText(value, "vi");
}

/** "99,37%", "100%": the percentage as computed (already rounded), without trailing zeros. */
export function formatPercent(value: number): string {
  return `${numberText(value, "vi")}%`;
}

/** A computed figure as report text. */
export function formatComputed(value: Computed): string {
  if (value.type === "percent") return formatPercent(value.value);
  if (value.type === "number") return formatNumber(value.value);
  return value.value ? "có" : "không";
}

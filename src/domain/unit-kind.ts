/**
 * Default kinds of units, for an organisation that defines none; template questions target kinds, not
 * individual units. "office" (Văn phòng, which also compiles the report) came after the first six: new kinds
 * go at the end, since buttons refer to a kind by its position.
 */
export const UNIT_KINDS = ["department", "affiliated", "trade_union", "youth_union", "party_cell", "other", "office"] as const;

export type UnitKind = (typeof UNIT_KINDS)[number];

export function isUnitKind(value: string): value is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(value);
}

/** A kind as an organisation defines it: its key (what templates name) and its label. */
export type UnitKindDef = { key: string; label: { vi: string; en: string } };

/** The kinds of an organisation that defines none of its own. */
export const DEFAULT_UNIT_KINDS: readonly UnitKindDef[] = [
  { key: "office", label: { vi: "Văn phòng", en: "Office" } },
  { key: "department", label: { vi: "Phòng chuyên môn", en: "Department" } },
  { key: "affiliated", label: { vi: "Đơn vị trực thuộc", en: "Affiliated unit" } },
  { key: "trade_union", label: { vi: "Công đoàn", en: "Trade union" } },
  { key: "youth_union", label: { vi: "Đoàn Thanh niên", en: "Youth union" } },
  { key: "party_cell", label: { vi: "Chi bộ", en: "Party cell" } },
  { key: "other", label: { vi: "Khác", en: "Other" } },
];

export const UNIT_KIND_KEY = /^[a-z][a-z0-9_]*$/;

/** The organisation's kinds: its own when it defines any, else the defaults. */
export function unitKindsOf(defined: readonly UnitKindDef[] | null | undefined): readonly UnitKindDef[] {
  return defined && defined.length > 0 ? defined : DEFAULT_UNIT_KINDS;
}

/** The kinds stored on an organisation row (JSON); anything malformed is left out. */
export function storedUnitKinds(value: unknown): UnitKindDef[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry): UnitKindDef[] => {
    const e = entry as { key?: unknown; label?: { vi?: unknown; en?: unknown } } | null;
    if (!e || typeof e.key !== "string" || !UNIT_KIND_KEY.test(e.key)) return [];
    const vi = typeof e.label?.vi === "string" ? e.label.vi : e.key;
    const en = typeof e.label?.en === "string" ? e.label.en : vi;
    return [{ key: e.key, label: { vi, en } }];
  });
}

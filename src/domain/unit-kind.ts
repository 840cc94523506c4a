/** Kinds of units; template questions target kinds, not individual units. */
export const UNIT_KINDS = ["department", "affiliated", "trade_union", "youth_union", "party_cell", "other"] as const;

export type UnitKind = (typeof UNIT_KINDS)[number];

export function isUnitKind(value: string): value is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(value);
}

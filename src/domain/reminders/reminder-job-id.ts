/**
 * Deterministic reminder job ids: the same round, unit, kind and local minute always give the
 * same id, so adding a planned reminder twice is a no-op and re-planning never duplicates.
 * "_" separates the parts: BullMQ rejects custom ids with ":" and ids that parse as integers.
 *
 *   r12_u5_before-3_202410020800    a unit's reminder
 *   r12_office_digest-deadline_202410050800   the office digest
 *   r12_u5_manual_202410031415       /remind, one per unit per minute
 */
export type ReminderJobRef = { roundId: number; unitId: number | null; kind: string; stamp: string };

const PATTERN = /^r(\d+)_(?:u(\d+)|office)_([a-z0-9-]+)_(\d{12})$/;

export function reminderJobId(ref: ReminderJobRef): string {
  const who = ref.unitId === null ? "office" : `u${ref.unitId}`;
  return `r${ref.roundId}_${who}_${ref.kind}_${ref.stamp}`;
}

export function parseReminderJobId(id: string): ReminderJobRef | null {
  const match = PATTERN.exec(id);
  if (!match) return null;
  return { roundId: Number(match[1]), unitId: match[2] === undefined ? null : Number(match[2]), kind: match[3]!, stamp: match[4]! };
}

/**
 * Names joined for one line of a message, at most `max` of them: the rest are counted by `more` ("… và 12
 * đơn vị khác"), so a message stays within the channel's limit however many units there are.
 */
export function nameList(names: readonly string[], max: number, more: (count: number) => string): string {
  if (names.length <= max) return names.join(", ");
  return `${names.slice(0, max).join(", ")} ${more(names.length - max)}`;
}

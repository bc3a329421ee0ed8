/**
 * Whether `key = value` is already what the writer's `option` prints, i.e. stripping it would
 * change nothing: true when the value is a number or ends in a character that can never be white
 * space. The key's first character never is one (a column name). Over-cautious on purpose: any
 * character from U+0085 up is sent to the exact strip.
 */
export function printsUnstripped(value: string | number): boolean {
  if (typeof value === 'number') return true;
  const last = value.charCodeAt(value.length - 1);
  return last > 0x20 && last < 0x85;
}

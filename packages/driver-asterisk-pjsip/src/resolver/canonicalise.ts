import type { SipOption } from '@wazo-confgend/dao';

/** Keys Asterisk accepts several times in one section; every other key keeps one value. */
const REPEATABLE_KEYS: ReadonlySet<string> = new Set(['set_var', 'match']);

/**
 * Upstream's final clean-up of a section: a single-valued key stays where it first appeared with
 * the last value given (so a child's override keeps its parent's position); a repeatable key keeps
 * each distinct pair once. All repeatable pairs go after the single-valued keys.
 */
export function canonicalise(options: readonly SipOption[]): SipOption[] {
  const single = new Map<string, string>();
  const repeated: SipOption[] = [];
  const seen = new Set<string>();
  for (const [key, value] of options) {
    if (REPEATABLE_KEYS.has(key)) {
      const identity = `${key}\n${value}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
      repeated.push([key, value]);
    } else {
      single.set(key, value);
    }
  }
  return [...single, ...repeated];
}

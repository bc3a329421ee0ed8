import type { SipOption } from '@wazo-confgend/dao';

/** Keys Asterisk accepts several times in one section; every other key keeps one value. */
const REPEATABLE_KEYS: ReadonlySet<string> = new Set(['set_var', 'match']);

/**
 * Upstream's final clean-up of a section: a single-valued key stays where it first appeared with
 * the last value given (so a child's override keeps its parent's position); a repeatable key keeps
 * each distinct pair once. All repeatable pairs go after the single-valued keys. The option tuples
 * are reused, not copied: this runs on every section of every endpoint.
 */
export function canonicalise(options: readonly SipOption[]): SipOption[] {
  const single = new Map<string, SipOption>();
  const repeated: SipOption[] = [];
  const seen = new Map<string, Set<string>>();
  for (const option of options) {
    const [key, value] = option;
    if (REPEATABLE_KEYS.has(key)) {
      let values = seen.get(key);
      if (!values) seen.set(key, (values = new Set()));
      if (values.has(value)) continue;
      values.add(value);
      repeated.push(option);
    } else {
      single.set(key, option);
    }
  }
  const result = [...single.values()];
  for (const option of repeated) result.push(option);
  return result;
}

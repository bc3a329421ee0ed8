import type { SipOption } from '../queries/types.js';

/**
 * Upstream's final clean-up of a section: a single-valued key stays where it first appeared with
 * the last value given (so a child's override keeps its parent's position); a repeatable key
 * (`set_var`, `match`: Asterisk accepts them several times in one section) keeps each distinct
 * pair once. All repeatable pairs go after the single-valued keys. The option tuples are reused,
 * not copied.
 *
 * This runs on every section of every endpoint, so one instance serves a whole resolution pass:
 * each key gets a slot once, and a section only stamps the slots of the keys it meets instead of
 * filling a map of its own.
 */
export class Canonicaliser {
  readonly #slots = new Map<string, number>();
  #positions = new Int32Array(64);
  #stamps = new Float64Array(64);
  #stamp = 0;

  canonicalise(options: readonly SipOption[]): SipOption[] {
    const stamp = ++this.#stamp;
    const result: SipOption[] = [];
    const repeated: SipOption[] = [];
    let setVars: Set<string> | undefined;
    let matches: Set<string> | undefined;
    for (const option of options) {
      const [key, value] = option;
      if (key === 'set_var' || key === 'match') {
        const seen = key === 'set_var' ? (setVars ??= new Set()) : (matches ??= new Set());
        if (seen.has(value)) continue;
        seen.add(value);
        repeated.push(option);
        continue;
      }
      const slot = this.#slotOf(key);
      if (this.#stamps[slot] === stamp) {
        result[this.#positions[slot] ?? 0] = option;
      } else {
        this.#stamps[slot] = stamp;
        this.#positions[slot] = result.length;
        result.push(option);
      }
    }
    for (const option of repeated) result.push(option);
    return result;
  }

  #slotOf(key: string): number {
    let slot = this.#slots.get(key);
    if (slot === undefined) {
      slot = this.#slots.size;
      this.#slots.set(key, slot);
      if (slot === this.#stamps.length) {
        const positions = new Int32Array(slot * 2);
        positions.set(this.#positions);
        this.#positions = positions;
        const stamps = new Float64Array(slot * 2);
        stamps.set(this.#stamps);
        this.#stamps = stamps;
      }
    }
    return slot;
  }
}

/** One section on its own (a pass canonicalises many through one Canonicaliser). */
export function canonicalise(options: readonly SipOption[]): SipOption[] {
  return new Canonicaliser().canonicalise(options);
}

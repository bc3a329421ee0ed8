import { sectionKey } from './asterisk-text.js';

/** Asterisk stores a section name in a 80-byte buffer: longer names lose their end. */
export const MAX_SECTION_NAME_BYTES = 79;

/**
 * The sections defined so far, as Asterisk's look-ups see them: names compared without ASCII
 * case, stored cut to 79 bytes but looked up whole, and an empty name matching any section.
 * Regular sections are indexed only when a look-up needs them: most files look up templates
 * alone, and indexing each of their many sections would cost more than the rest of the check.
 */
export class SectionNames {
  readonly #templates = new Set<string>();
  readonly #regular = new Set<string>();
  #unindexed: string[] = [];
  #regularCount = 0;

  define(name: string, template: boolean): void {
    if (template) {
      this.#templates.add(sectionKey(name, MAX_SECTION_NAME_BYTES));
    } else {
      this.#unindexed.push(name);
      this.#regularCount++;
    }
  }

  /** What a template list entry `(name)` finds: any section, templates included. */
  hasAny(name: string): boolean {
    if (name === '') return this.#templates.size > 0 || this.#regularCount > 0;
    const key = sectionKey(name);
    return this.#templates.has(key) || this.#hasRegular(key);
  }

  /** What `[name](+)` finds: a section that is not a template. */
  hasRegular(name: string): boolean {
    return name === '' ? this.#regularCount > 0 : this.#hasRegular(sectionKey(name));
  }

  #hasRegular(key: string): boolean {
    if (this.#unindexed.length > 0) {
      for (const name of this.#unindexed) this.#regular.add(sectionKey(name, MAX_SECTION_NAME_BYTES));
      this.#unindexed = [];
    }
    return this.#regular.has(key);
  }
}

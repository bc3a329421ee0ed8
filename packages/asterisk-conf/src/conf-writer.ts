import { pythonStr, pythonStrip } from './python-text.js';

/** The text being built; several writers may append to one output, as upstream does. */
export class ConfOutput {
  readonly #chunks: string[] = [];

  write(text: string): void {
    this.#chunks.push(text);
  }

  toString(): string {
    return this.#chunks.join('');
  }
}

/**
 * Writes Asterisk `.conf` text with upstream's exact layout: a section written after another by the
 * same writer is preceded by one empty line; options are `key = value` with surrounding white space
 * stripped (so an empty value gives `key =`). A new writer on the same output starts over, which is
 * where most of upstream's irregular blank lines come from: drivers keep the same writer boundaries.
 */
export class ConfWriter {
  readonly #output: ConfOutput;
  #wroteSection = false;

  constructor(output: ConfOutput) {
    this.#output = output;
  }

  section(name: string, comment?: string | null): void {
    this.#separate();
    if (comment) this.#output.write(`; ${comment}\n`);
    this.#output.write(`[${name}]\n`);
  }

  /** `[name](!)`: an Asterisk template section. */
  templateSection(name: string): void {
    this.#separate();
    this.#output.write(`[${name}](!)\n`);
  }

  /** `[name](template)`: a section inheriting from a template. */
  sectionUsingTemplate(name: string, template: string): void {
    this.#separate();
    this.#output.write(`[${name}](${template})\n`);
  }

  option(key: unknown, value: unknown): void {
    this.#output.write(`${pythonStrip(`${pythonStr(key)} = ${pythonStr(value)}`)}\n`);
  }

  /** `key => value`, the object syntax. */
  objectOption(key: unknown, value: unknown): void {
    this.#output.write(`${pythonStrip(`${pythonStr(key)} => ${pythonStr(value)}`)}\n`);
  }

  newline(): void {
    this.#output.write('\n');
  }

  /** The empty line between sections: written only once this writer has written a section. */
  sectionSeparator(): void {
    if (this.#wroteSection) this.#output.write('\n');
    this.#wroteSection = true;
  }

  #separate(): void {
    this.sectionSeparator();
  }
}

import { holdsLineBreak, lineBreakError, refuseLineBreak } from './line-breaks.js';
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
 * A line break in a name, comment or value fails the generation (see refuseLineBreak); one that
 * the strip of an option line removes never reaches the file, so it is written as upstream does.
 */
export class ConfWriter {
  readonly #output: ConfOutput;
  #wroteSection = false;
  #section: string | null = null;

  constructor(output: ConfOutput) {
    this.#output = output;
  }

  section(name: string, comment?: string | null): void {
    this.#enter(name);
    if (comment) refuseLineBreak(comment, { section: name, headerPart: 'comment' });
    this.#separate();
    if (comment) this.#output.write(`; ${comment}\n`);
    this.#output.write(`[${name}]\n`);
  }

  /** `[name](!)`: an Asterisk template section. */
  templateSection(name: string): void {
    this.#enter(name);
    this.#separate();
    this.#output.write(`[${name}](!)\n`);
  }

  /** `[name](template)`: a section inheriting from a template. */
  sectionUsingTemplate(name: string, template: string): void {
    this.#enter(name);
    refuseLineBreak(template, { section: name, headerPart: 'template' });
    this.#separate();
    this.#output.write(`[${name}](${template})\n`);
  }

  option(key: unknown, value: unknown): void {
    this.#line(key, pythonStrip(`${pythonStr(key)} = ${pythonStr(value)}`));
  }

  /** `key => value`, the object syntax. */
  objectOption(key: unknown, value: unknown): void {
    this.#line(key, pythonStrip(`${pythonStr(key)} => ${pythonStr(value)}`));
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

  #enter(name: string): void {
    refuseLineBreak(name, { section: name });
    this.#section = name;
  }

  #line(key: unknown, line: string): void {
    if (holdsLineBreak(line)) throw lineBreakError({ section: this.#section, option: pythonStr(key) });
    this.#output.write(`${line}\n`);
  }
}

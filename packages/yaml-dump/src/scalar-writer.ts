import { chooseScalarStyle } from './scalar-style.js';

/** Where a scalar sits in PyYAML's block output. */
export interface ScalarPlace {
  /** Column of the scalar's first character. */
  readonly column: number;
  /** Indentation of the lines a long or multi-line scalar continues on. */
  readonly indent: number;
  /** A mapping key written `key: value`: never split, never multi-line. */
  readonly simpleKey: boolean;
}

/** PyYAML's best_width: past this column a scalar is split at a space. */
const BEST_WIDTH = 80;
const BREAKS = '\n\x85\u2028\u2029';

/** Writes a string where PyYAML would put it, splitting and escaping it the way PyYAML does. */
export function writeScalar(text: string, place: ScalarPlace): string {
  const out = new LineOutput(place);
  const chars = Array.from(text);
  switch (chooseScalarStyle(text, place.simpleKey)) {
    case 'plain':
      writePlain(chars, out, !place.simpleKey);
      break;
    case 'single':
      writeSingleQuoted(chars, out, !place.simpleKey);
      break;
    case 'double':
      writeDoubleQuoted(chars, out, !place.simpleKey);
      break;
  }
  return out.text;
}

/** The emitter's cursor: column and the two flags its indentation rule reads. */
class LineOutput {
  text = '';
  column: number;
  whitespace = false;
  indention = false;
  readonly #indent: number;

  constructor(place: ScalarPlace) {
    this.column = place.column;
    this.#indent = place.indent;
  }

  write(data: string): void {
    this.text += data;
    this.column += data.length;
  }

  lineBreak(data = '\n'): void {
    this.text += data;
    this.whitespace = true;
    this.indention = true;
    this.column = 0;
  }

  indent(): void {
    if (!this.indention || this.column > this.#indent || (this.column === this.#indent && !this.whitespace)) {
      this.lineBreak();
    }
    if (this.column < this.#indent) {
      this.whitespace = true;
      this.text += ' '.repeat(this.#indent - this.column);
      this.column = this.#indent;
    }
  }
}

function writeBreaks(chars: readonly string[], start: number, end: number, out: LineOutput): void {
  if (chars[start] === '\n') out.lineBreak();
  for (const ch of chars.slice(start, end)) out.lineBreak(ch);
  out.indent();
}

function writePlain(chars: readonly string[], out: LineOutput, split: boolean): void {
  let spaces = false;
  let breaks = false;
  let start = 0;
  for (let end = 0; end <= chars.length; end += 1) {
    const ch = chars[end];
    if (spaces) {
      if (ch !== ' ') {
        if (start + 1 === end && out.column > BEST_WIDTH && split) {
          out.indent();
          out.whitespace = false;
          out.indention = false;
        } else {
          out.write(chars.slice(start, end).join(''));
        }
        start = end;
      }
    } else if (breaks) {
      if (ch === undefined || !BREAKS.includes(ch)) {
        writeBreaks(chars, start, end, out);
        out.whitespace = false;
        out.indention = false;
        start = end;
      }
    } else if (ch === undefined || ch === ' ' || BREAKS.includes(ch)) {
      out.write(chars.slice(start, end).join(''));
      start = end;
    }
    if (ch !== undefined) {
      spaces = ch === ' ';
      breaks = BREAKS.includes(ch);
    }
  }
}

function writeSingleQuoted(chars: readonly string[], out: LineOutput, split: boolean): void {
  out.write("'");
  let spaces = false;
  let breaks = false;
  let start = 0;
  for (let end = 0; end <= chars.length; end += 1) {
    const ch = chars[end];
    if (spaces) {
      if (ch !== ' ') {
        if (start + 1 === end && out.column > BEST_WIDTH && split && start !== 0 && end !== chars.length) {
          out.indent();
        } else {
          out.write(chars.slice(start, end).join(''));
        }
        start = end;
      }
    } else if (breaks) {
      if (ch === undefined || !BREAKS.includes(ch)) {
        writeBreaks(chars, start, end, out);
        start = end;
      }
    } else if (ch === undefined || ch === ' ' || ch === "'" || BREAKS.includes(ch)) {
      if (start < end) {
        out.write(chars.slice(start, end).join(''));
        start = end;
      }
    }
    if (ch === "'") {
      out.write("''");
      start = end + 1;
    }
    if (ch !== undefined) {
      spaces = ch === ' ';
      breaks = BREAKS.includes(ch);
    }
  }
  out.write("'");
  out.whitespace = false;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\0': '0',
  '\x07': 'a',
  '\x08': 'b',
  '\t': 't',
  '\n': 'n',
  '\x0b': 'v',
  '\x0c': 'f',
  '\r': 'r',
  '\x1b': 'e',
  '"': '"',
  '\\': '\\',
  '\x85': 'N',
  '\xa0': '_',
  '\u2028': 'L',
  '\u2029': 'P',
};

function escape(ch: string): string {
  const named = ESCAPES[ch];
  if (named !== undefined) return `\\${named}`;
  const code = ch.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase();
  if (code <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

/** Printable ASCII other than the quote and the backslash goes out as it is. */
const needsEscape = (ch: string) => ch === '"' || ch === '\\' || !(ch >= '\x20' && ch <= '\x7e');

function writeDoubleQuoted(chars: readonly string[], out: LineOutput, split: boolean): void {
  out.write('"');
  let start = 0;
  for (let end = 0; end <= chars.length; end += 1) {
    const ch = chars[end];
    if (ch === undefined || needsEscape(ch)) {
      if (start < end) {
        out.write(chars.slice(start, end).join(''));
        start = end;
      }
      if (ch !== undefined) {
        out.write(escape(ch));
        start = end + 1;
      }
    }
    if (
      end > 0 &&
      end < chars.length - 1 &&
      (ch === ' ' || start >= end) &&
      out.column + (end - start) > BEST_WIDTH &&
      split
    ) {
      out.write(`${chars.slice(start, end).join('')}\\`);
      if (start < end) start = end;
      out.indent();
      out.whitespace = false;
      out.indention = false;
      if (chars[start] === ' ') out.write('\\');
    }
  }
  out.write('"');
  out.whitespace = false;
}

import { stripBlanks, utf8Length } from './asterisk-text.js';
import { CommentState } from './comment-state.js';
import { confProblem, type ConfProblem } from './conf-problem.js';
import { MAX_SECTION_NAME_BYTES, SectionNames } from './section-names.js';

/**
 * Asterisk reads a file with fgets into an 8192-byte buffer and skips a line that fills it: a
 * read of 8191 bytes, the newline included, so a line of 8190 bytes is already skipped. It then
 * drops reads until one is shorter than that, which swallows the next line too when the long one
 * (with its newline) ends exactly on a multiple of 8191 bytes.
 */
const READ_BYTES = 8191;

const OPEN_BRACKET = 0x5b;
const HASH = 0x23;
const BACKSLASH = 0x5c;
const OPEN_PAREN = 0x28;
const PLUS = 0x2b;

const DIRECTIVES = new Set(['include', 'tryinclude', 'exec']);

/**
 * Checks generated text the way Asterisk's configuration reader (main/config.c) will read it,
 * in one pass: every line that would make Asterisk refuse the whole file (it then keeps all its
 * old objects) or silently lose part of it. Checking goes on after a refusing line, so that one
 * run lists every problem; the problems come in line order.
 */
export function checkAsteriskConf(text: string): ConfProblem[] {
  return new ConfReader(text).check();
}

/**
 * The next position of one character, found again only once passed: looking for it line by line
 * with indexOf would scan far beyond the line each time it is absent.
 */
class NextOccurrence {
  readonly #text: string;
  readonly #character: string;
  #next: number;

  constructor(text: string, character: string) {
    this.#text = text;
    this.#character = character;
    this.#next = text.indexOf(character);
  }

  /** The first position of the character in [start, end), or -1; calls come with growing `start`. */
  within(start: number, end: number): number {
    if (this.#next !== -1 && this.#next < start) this.#next = this.#text.indexOf(this.#character, start);
    return this.#next !== -1 && this.#next < end ? this.#next : -1;
  }
}

class ConfReader {
  readonly #text: string;
  readonly #problems: ConfProblem[] = [];
  readonly #sections = new SectionNames();
  readonly #comments = new CommentState();
  readonly #semicolons: NextOccurrence;
  readonly #equalSigns: NextOccurrence;
  readonly #nuls: NextOccurrence;
  /** Whether option lines have a section to go to. */
  #inSection = false;
  /** Whether the file has a section header or a directive, so that it may define objects. */
  #definesSomething = false;
  #lineNumber = 0;

  constructor(text: string) {
    this.#text = text;
    this.#semicolons = new NextOccurrence(text, ';');
    this.#equalSigns = new NextOccurrence(text, '=');
    this.#nuls = new NextOccurrence(text, '\0');
  }

  check(): ConfProblem[] {
    const text = this.#text;
    let swallowing = false;
    // Lines are scanned in place: most are plain options, and slicing each one would cost more
    // than checking it.
    for (let position = 0; position < text.length; ) {
      const newline = text.indexOf('\n', position);
      const lineStart = position;
      let lineEnd = newline === -1 ? text.length : newline;
      position = lineEnd + 1;
      this.#lineNumber++;

      const length = lineEnd - lineStart;
      const readBytes = (length * 3 < READ_BYTES ? length : Buffer.byteLength(text.slice(lineStart, lineEnd))) + (newline === -1 ? 0 : 1);
      if (swallowing) {
        this.#report('line-swallowed', 'Asterisk never reads this line: it is dropped with the too long line before it');
        swallowing = readBytes % READ_BYTES === 0;
        continue;
      }
      if (readBytes >= READ_BYTES) {
        this.#report('line-too-long', `line of ${readBytes} bytes with its newline: Asterisk skips lines reaching ${READ_BYTES} bytes`);
        swallowing = readBytes % READ_BYTES === 0;
        continue;
      }
      const nul = this.#nuls.within(lineStart, lineEnd);
      if (nul !== -1) {
        this.#report('nul-character', `NUL character at column ${nul - lineStart + 1}: Asterisk reads the line only up to it`);
        lineEnd = nul;
      }

      if (this.#comments.depth !== 0 || this.#semicolons.within(lineStart, lineEnd) !== -1) {
        const parsed = this.#comments.uncomment(text.slice(lineStart, lineEnd), this.#lineNumber, () =>
          this.#report('stray-comment-end', '`--;` closes no comment: Asterisk then ignores every following line until a `;--`'),
        );
        if (parsed !== null) this.#content(parsed, 0, parsed.length);
      } else {
        this.#content(text, lineStart, lineEnd);
      }
    }

    const [openedAt] = this.#comments.openedAt;
    if (openedAt !== undefined) {
      this.#problems.push(confProblem(openedAt, 'unterminated-comment', '`;--` opens a comment that never closes: Asterisk ignores every line after it'));
    }
    if (!this.#definesSomething) {
      this.#problems.push(confProblem(0, 'empty-file', 'no section and no #include: Asterisk loads an empty file and removes every object it had from it'));
    }
    return this.#problems.sort((a, b) => a.line - b.line);
  }

  #report(rule: Parameters<typeof confProblem>[1], message: string): void {
    this.#problems.push(confProblem(this.#lineNumber, rule, message));
  }

  /** One uncommented line, `source` from `from` to `to`; stripped here as ast_strip does. */
  #content(source: string, from: number, to: number): void {
    let start = from;
    let end = to;
    while (start < end && source.charCodeAt(start) < 33) start++;
    while (end > start && source.charCodeAt(end - 1) < 33) end--;
    if (start === end) return;
    const first = source.charCodeAt(start);
    if (first === OPEN_BRACKET) {
      this.#definesSomething = true;
      if (this.#sectionHeader(source.slice(start, end))) this.#inSection = true;
    } else if (first === HASH) {
      if (this.#directive(source.slice(start, end))) this.#definesSomething = true;
    } else if (!this.#inSection) {
      this.#report('option-before-section', 'option before any [section]: Asterisk refuses the whole file');
    } else {
      const equals = source === this.#text ? this.#equalSigns.within(start, end) : source.indexOf('=', start);
      this.#option(source, start, end, equals < end ? equals : -1);
    }
  }

  /**
   * `[name]`, `[name](!)`, `[name](+)`, `[name](template,...)`: the name ends at the first `]`, a
   * template list must follow it at once and ends at the first `)`. Returns whether the reader
   * has a current section after this line.
   */
  #sectionHeader(content: string): boolean {
    const close = content.indexOf(']');
    if (close === -1) {
      this.#report('unclosed-section', 'section header without its closing `]`: Asterisk refuses the whole file');
      return false;
    }
    const name = content.slice(1, close);
    let entries: readonly string[] = [];
    let restStart = close + 1;
    if (content.charCodeAt(close + 1) === OPEN_PAREN) {
      const closeParen = content.indexOf(')', close + 2);
      if (closeParen === -1) {
        this.#report('unclosed-section', 'template list without its closing `)`: Asterisk refuses the whole file');
        return false;
      }
      entries = content.slice(close + 2, closeParen).split(',');
      restStart = closeParen + 1;
    }
    // the line is stripped already: anything after the header starts with a visible character
    if (restStart < content.length) {
      const rest = content.slice(restStart);
      this.#report('ignored-after-section-header', `Asterisk ignores ${JSON.stringify(rest)} after the header (a template list must follow \`]\` directly)`);
    }
    const nameBytes = utf8Length(name, MAX_SECTION_NAME_BYTES + 1);
    if (nameBytes > MAX_SECTION_NAME_BYTES) {
      this.#report('section-name-too-long', `section name of ${nameBytes} bytes: Asterisk keeps its first ${MAX_SECTION_NAME_BYTES} bytes only`);
    }

    let template = false;
    let addition = false;
    for (const entry of entries) {
      if (entry === '!') {
        template = true;
      } else if (entry.charCodeAt(0) === PLUS) {
        addition = true;
        // `(+filter)` matches sections on their variables; only the name is checked here
        if (!(entry === '+' ? this.#sections.hasRegular(name) : this.#sections.hasAny(name))) {
          this.#report('unknown-section-addition', `[${name}](+) adds to no section defined above: Asterisk refuses the whole file`);
        }
      } else if (!this.#sections.hasAny(entry)) {
        this.#report('unknown-template', `template ${JSON.stringify(entry)} is not defined above this line: Asterisk refuses the whole file`);
      }
    }
    if (!addition) this.#sections.define(name, template);
    return true;
  }

  /** `#include`, `#tryinclude`, `#exec`; returns whether the line may bring sections in. */
  #directive(content: string): boolean {
    let end = 1;
    while (end < content.length && content.charCodeAt(end) > 32 && content.charCodeAt(end) < 128) end++;
    const directive = content.slice(1, end);
    if (!DIRECTIVES.has(directive.toLowerCase())) {
      this.#report('unknown-directive', `unknown directive #${directive}: Asterisk ignores the line`);
      return false;
    }
    if (stripBlanks(content.slice(end + 1)) === '') {
      this.#report('directive-without-argument', `#${directive} without an argument: Asterisk ignores the line`);
      return false;
    }
    return true;
  }

  /**
   * `name = value`, `name => value`, `name += value`, from `start` to `end` of `source`, with the
   * position of its first `=` (or -1). A leading `\` escapes the first character (so an option
   * name may start with `[`, `#` or `;`); it must be a visible ASCII character: Asterisk compares
   * a signed char with 33, so a space, a control character or any non-ASCII byte there (negative
   * on x86-64) makes it refuse the whole file.
   */
  #option(source: string, start: number, end: number, firstEquals: number): void {
    const escaped = source.charCodeAt(start) === BACKSLASH;
    if (escaped) {
      const next = start + 1 < end ? source.charCodeAt(start + 1) : 0;
      if (!(next >= 33 && next < 128)) {
        this.#report('invalid-escape', '`\\` at the start of a line must precede a visible ASCII character: Asterisk refuses the whole file');
        return;
      }
    }
    const nameStart = escaped ? start + 1 : start;
    // the escaped character itself is never the `=`
    const searchFrom = escaped ? start + 2 : start;
    let equals = firstEquals;
    if (equals !== -1 && equals < searchFrom) equals = source.indexOf('=', searchFrom);
    if (equals === -1 || equals >= end) {
      this.#report('missing-equals', 'no `=` on this line: Asterisk ignores it');
      return;
    }
    const appends = equals > searchFrom && source.charCodeAt(equals - 1) === PLUS;
    let nameEnd = appends ? equals - 1 : equals;
    while (nameEnd > nameStart && source.charCodeAt(nameEnd - 1) < 33) nameEnd--;
    if (nameEnd === nameStart) this.#report('empty-option-name', 'no option name before `=`: Asterisk ignores the line');
  }
}

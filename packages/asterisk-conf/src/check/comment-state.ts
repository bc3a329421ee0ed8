const DASH = 0x2d;
const BACKSLASH = 0x5c;

/**
 * Asterisk's block comments (`;--` … `--;`) across lines. `depth` follows the reader's counter
 * exactly, including the value -1 it reaches when a `--;` closes no comment: from then on the
 * reader takes every line for a comment until a `;--` brings the counter back to 0.
 */
export class CommentState {
  depth = 0;
  /** Lines where the comments still open began, outermost first. */
  readonly openedAt: number[] = [];

  /**
   * The part of `line` the reader parses (not yet stripped), or null when it parses nothing.
   * Follows the reader's scan: `\;` is a literal `;` (the backslash is removed), `;--` not
   * followed by a fourth `-` opens a comment, `--;` closes one, any other `;` ends the line
   * outside a comment. `onStrayEnd` hears of a `--;` met outside any comment.
   */
  uncomment(line: string, lineNumber: number, onStrayEnd: () => void): string | null {
    let text = line;
    let start: number | null = this.depth === 0 ? 0 : null;
    let from = 0;
    for (let at = text.indexOf(';', from); at !== -1; at = text.indexOf(';', from)) {
      if (at > from && text.charCodeAt(at - 1) === BACKSLASH) {
        text = text.slice(0, at - 1) + text.slice(at);
        from = at;
      } else if (text.charCodeAt(at + 1) === DASH && text.charCodeAt(at + 2) === DASH && text.charCodeAt(at + 3) !== DASH) {
        // the reader ends its line with a NUL here and resumes after the comment closes
        text = `${text.slice(0, at)}\0${text.slice(at + 1)}`;
        from = at + 3;
        this.depth++;
        if (this.depth > 0) this.openedAt.push(lineNumber);
      } else if (at >= from + 2 && text.charCodeAt(at - 1) === DASH && text.charCodeAt(at - 2) === DASH) {
        if (this.depth > 0) this.openedAt.pop();
        else onStrayEnd();
        this.depth--;
        from = at + 1;
        if (this.depth === 0) {
          if (start === null) {
            start = from;
          } else {
            const end = endOf(text, start);
            text = text.slice(0, end) + text.slice(from);
            from = end;
          }
        }
      } else if (this.depth === 0) {
        text = text.slice(0, at);
        break;
      } else {
        from = at + 1;
      }
    }
    return start === null ? null : text.slice(start, endOf(text, start));
  }
}

function endOf(text: string, start: number): number {
  const nul = text.indexOf('\0', start);
  return nul === -1 ? text.length : nul;
}


/**
 * What PyYAML's emitter finds in a string before choosing how to write it (block context,
 * `allow_unicode=False` as `safe_dump` has it). Indices are code points, as in Python.
 */
export interface ScalarAnalysis {
  readonly empty: boolean;
  /** Holds a line break (\n, NEL, LS or PS). */
  readonly multiline: boolean;
  readonly allowPlain: boolean;
  readonly allowSingleQuoted: boolean;
}

const LINE_BREAKS = '\n\x85\u2028\u2029';
const WHITESPACE = '\0 \t\r\n\x85\u2028\u2029';
const LEADING_INDICATORS = '#,[]{}&*!|>\'"%@`';

/** Anything but a newline and printable ASCII has to be escaped, so only double quotes can hold it. */
const isSpecial = (ch: string) => ch !== '\n' && !(ch >= '\x20' && ch <= '\x7e');

export function analyzeScalar(text: string): ScalarAnalysis {
  if (text === '') return { empty: true, multiline: false, allowPlain: true, allowSingleQuoted: true };
  const chars = Array.from(text);
  let blockIndicators = text.startsWith('---') || text.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingOrTrailingBlank = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  chars.forEach((ch, index) => {
    const precededByWhitespace = index === 0 || WHITESPACE.includes(chars[index - 1] ?? '');
    const followedByWhitespace = index + 1 >= chars.length || WHITESPACE.includes(chars[index + 1] ?? '');
    if (index === 0) {
      if (LEADING_INDICATORS.includes(ch)) blockIndicators = true;
      if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) blockIndicators = true;
    } else if ((ch === ':' && followedByWhitespace) || (ch === '#' && precededByWhitespace)) {
      blockIndicators = true;
    }
    const isBreak = LINE_BREAKS.includes(ch);
    if (isBreak) lineBreaks = true;
    if (isSpecial(ch)) special = true;
    const atEdge = index === 0 || index === chars.length - 1;
    if (ch === ' ') {
      if (atEdge) leadingOrTrailingBlank = true;
      if (previousBreak) breakSpace = true;
    } else if (isBreak) {
      if (atEdge) leadingOrTrailingBlank = true;
      if (previousSpace) spaceBreak = true;
    }
    previousSpace = ch === ' ';
    previousBreak = isBreak;
  });
  return {
    empty: false,
    multiline: lineBreaks,
    allowPlain: !(leadingOrTrailingBlank || breakSpace || spaceBreak || special || lineBreaks || blockIndicators),
    allowSingleQuoted: !(breakSpace || spaceBreak || special),
  };
}

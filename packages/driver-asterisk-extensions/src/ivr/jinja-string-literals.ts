/**
 * Jinja reads a string literal of a template with Python's escape rules, nunjucks with its own:
 * for nunjucks a backslash before anything but `n`, `t` or `r` just drops, where Python keeps an
 * unknown escape such as `\;` as it is, and knows more (`\x41`, `\u00e9`, `\a`...). This rewrites
 * the literals of a template's tags so that nunjucks reads the string Jinja would.
 */

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

const HEX_ESCAPE_LENGTHS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** How Python's `backslashreplace` writes a non-ASCII code point. */
function pythonBackslashEscape(codePoint: number): string {
  if (codePoint <= 0xff) return `x${codePoint.toString(16).padStart(2, '0')}`;
  if (codePoint <= 0xffff) return `u${codePoint.toString(16).padStart(4, '0')}`;
  return `U${codePoint.toString(16).padStart(8, '0')}`;
}

/** The text Python's `unicode-escape` codec makes of a literal's body. */
export function decodePythonEscapes(body: string): string {
  let decoded = '';
  let index = 0;
  while (index < body.length) {
    const character = body.charAt(index);
    if (character !== '\\' || index + 1 >= body.length) {
      decoded += character;
      index += 1;
      continue;
    }
    const next = body.charAt(index + 1);
    const simple = SIMPLE_ESCAPES[next];
    const hexLength = HEX_ESCAPE_LENGTHS[next];
    const octal = /^[0-7]{1,3}/.exec(body.slice(index + 1));
    if (simple !== undefined) {
      decoded += simple;
      index += 2;
    } else if (next === '\n') {
      index += 2;
    } else if (next.charCodeAt(0) > 0x7f) {
      // Python escapes non-ASCII text before decoding: the backslash then escapes that escape.
      const codePoint = body.codePointAt(index + 1) ?? 0;
      decoded += `\\${pythonBackslashEscape(codePoint)}`;
      index += 1 + String.fromCodePoint(codePoint).length;
    } else if (octal) {
      decoded += String.fromCodePoint(Number.parseInt(octal[0], 8));
      index += 1 + octal[0].length;
    } else if (hexLength !== undefined) {
      const digits = body.slice(index + 2, index + 2 + hexLength);
      if (!new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(digits)) {
        throw new SyntaxError(`truncated \\${next} escape in the template string "${body}"`);
      }
      decoded += String.fromCodePoint(Number.parseInt(digits, 16));
      index += 2 + hexLength;
    } else {
      decoded += `\\${next}`;
      index += 2;
    }
  }
  return decoded;
}

/** A nunjucks literal whose value is `value`. */
function nunjucksLiteral(value: string, quote: string): string {
  let literal = quote;
  for (const character of value) literal += character === '\\' || character === quote ? `\\${character}` : character;
  return literal + quote;
}

/** The end of the literal opened at `start`, or -1 when it is not closed. */
function literalEnd(source: string, start: number): number {
  const quote = source.charAt(start);
  for (let index = start + 1; index < source.length; index += 1) {
    const character = source.charAt(index);
    if (character === '\\') index += 1;
    else if (character === quote) return index;
  }
  return -1;
}

const RAW_BLOCK = /^\{%-?\s*(raw|verbatim)\s*-?%\}/;

/**
 * Rewrites every string literal inside `{{ }}` and `{% %}` for nunjucks; text, comments and
 * raw blocks are left alone.
 */
export function withJinjaStringLiterals(source: string): string {
  let result = '';
  let index = 0;
  while (index < source.length) {
    const open = source.slice(index).search(/\{[{%#]/);
    if (open === -1) break;
    const tagStart = index + open;
    result += source.slice(index, tagStart);
    const kind = source.charAt(tagStart + 1);
    if (kind === '#') {
      const end = source.indexOf('#}', tagStart + 2);
      const stop = end === -1 ? source.length : end + 2;
      result += source.slice(tagStart, stop);
      index = stop;
      continue;
    }
    const raw = RAW_BLOCK.exec(source.slice(tagStart));
    if (raw) {
      const closing = new RegExp(`\\{%-?\\s*end${raw[1] ?? ''}\\s*-?%\\}`).exec(source.slice(tagStart + raw[0].length));
      const stop = closing ? tagStart + raw[0].length + closing.index + closing[0].length : source.length;
      result += source.slice(tagStart, stop);
      index = stop;
      continue;
    }
    const close = kind === '{' ? '}}' : '%}';
    let cursor = tagStart + 2;
    let tag = source.slice(tagStart, cursor);
    while (cursor < source.length && !source.startsWith(close, cursor)) {
      const character = source.charAt(cursor);
      const end = character === '"' || character === "'" ? literalEnd(source, cursor) : -1;
      if (end === -1) {
        tag += character;
        cursor += 1;
      } else {
        tag += nunjucksLiteral(decodePythonEscapes(source.slice(cursor + 1, end)), character);
        cursor = end + 1;
      }
    }
    result += tag;
    index = cursor;
  }
  return result + source.slice(index);
}

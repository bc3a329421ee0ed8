/**
 * Character rules of Asterisk's C code that the checker must follow exactly, not JavaScript's.
 */

/** ast_strip: every character below 33 (space and the control characters) at either end. */
export function stripBlanks(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) < 33) start++;
  while (end > start && text.charCodeAt(end - 1) < 33) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** The UTF-8 size, computed only when the text could reach `atLeast` bytes (3 bytes per UTF-16 unit at most). */
export function utf8Length(text: string, atLeast: number): number {
  return text.length * 3 < atLeast ? text.length : Buffer.byteLength(text, 'utf8');
}

/** ASCII letters folded to lower case, every other character kept (strcasecmp in the C locale). */
function lowerAscii(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]/g, (letter) => String.fromCharCode(letter.charCodeAt(0) | 0x20)) : text;
}

/** 0: all ASCII, lower case; 1: ASCII with capitals; 2: not ASCII. */
function shapeOf(text: string): 0 | 1 | 2 {
  let shape: 0 | 1 = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code > 0x7f) return 2;
    if (code >= 0x41 && code <= 0x5a) shape = 1;
  }
  return shape;
}

/**
 * A section name as strcasecmp compares it: ASCII letters folded, every other byte as is. A
 * non-ASCII name is keyed by its UTF-8 bytes (one latin1 character each), so that cutting it to
 * `maxBytes` cuts where Asterisk's fixed-size buffer does, even inside a character.
 */
export function sectionKey(name: string, maxBytes = Infinity): string {
  const shape = shapeOf(name);
  if (shape !== 2) {
    const cut = name.length > maxBytes ? name.slice(0, maxBytes) : name;
    return shape === 0 ? cut : lowerAscii(cut);
  }
  const bytes = Buffer.from(name, 'utf8');
  return lowerAscii(bytes.subarray(0, Math.min(bytes.length, maxBytes)).toString('latin1'));
}

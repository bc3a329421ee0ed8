import { pythonStr, pythonStrip } from '@wazo-confgend/asterisk-conf';

/**
 * `key = value` and its newline, exactly as the writer's `option` prints it; the key is one of
 * the driver's own names. Most values need none of the strip upstream applies to each line, so
 * they skip it (tens of thousands of lines at scale): a value is safe when it is a number or
 * ends in a character that is never white space. Anything from U+0085 up takes the exact strip.
 */
export function optionLine(key: string, value: string | number): string {
  return endsOutsideWhitespace(value) ? `${key} = ${value}\n` : `${pythonStrip(`${key} = ${pythonStr(value)}`)}\n`;
}

function endsOutsideWhitespace(value: string | number): boolean {
  if (typeof value === 'number') return true;
  const last = value.charCodeAt(value.length - 1);
  return last > 0x20 && last < 0x85;
}

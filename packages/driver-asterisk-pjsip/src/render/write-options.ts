import { pythonStrip, type ConfOutput } from '@wazo-confgend/asterisk-conf';
import type { SipOption } from '@wazo-confgend/dao';

/** Printable ASCII other than the space: a line bounded by these needs no strip. */
function isPlainAscii(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

/**
 * Writes `key = value` lines exactly as ConfWriter.option does (the line stripped as Python's
 * str.strip() would), in one chunk per section: pjsip.conf has about sixty lines per line
 * endpoint, so a chunk and two regular expressions per line would dominate the generation.
 */
export function writeOptions(output: ConfOutput, options: readonly SipOption[]): void {
  if (options.length === 0) return;
  const lines: string[] = [];
  for (const [key, value] of options) {
    const line = `${key} = ${value}`;
    const plain = isPlainAscii(line.charCodeAt(0)) && isPlainAscii(line.charCodeAt(line.length - 1));
    lines.push(plain ? line : pythonStrip(line), '\n');
  }
  output.write(lines.join(''));
}

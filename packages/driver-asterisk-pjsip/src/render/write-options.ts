import { pythonStrip, type ConfOutput } from '@wazo-confgend/asterisk-conf';
import type { SipOption } from '../queries/types.js';

/** Printable ASCII other than the space: a line bounded by these needs no strip. */
function isPlainAscii(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

/** The `key = value` line of an option with its line break, exactly as ConfWriter.option writes it. */
export function optionLine([key, value]: SipOption): string {
  // The line starts with the key's first character and ends with the value's last (else with a space).
  const plain = isPlainAscii(key.charCodeAt(0)) && isPlainAscii(value.charCodeAt(value.length - 1));
  return plain ? `${key} = ${value}\n` : `${pythonStrip(`${key} = ${value}`)}\n`;
}

/** Lines built once for the options many sections share (templates' own options, generated constants). */
export type SharedOptionLines = ReadonlyMap<SipOption, string>;

/**
 * Writes the options' lines in one write per section: pjsip.conf has about sixty lines per line
 * endpoint, so a write and two regular expressions per line would dominate the generation.
 */
export function writeOptions(output: ConfOutput, options: readonly SipOption[], shared?: SharedOptionLines): void {
  if (options.length === 0) return;
  let text = '';
  for (const option of options) text += shared?.get(option) ?? optionLine(option);
  output.write(text);
}

import { lineBreakError, pythonStrip, type ConfOutput } from '@wazo-confgend/asterisk-conf';
import type { SipOption } from '../queries/types.js';

/** Printable ASCII other than the space: a line bounded by these needs no strip. */
function isPlainAscii(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

/**
 * The `key = value` line of an option with its line break, exactly as ConfWriter.option writes it;
 * null when a line break would remain inside it (ConfWriter.option refuses such an option).
 */
export function optionLine([key, value]: SipOption): string | null {
  // The line starts with the key's first character and ends with the value's last (else with a space).
  const plain = isPlainAscii(key.charCodeAt(0)) && isPlainAscii(value.charCodeAt(value.length - 1));
  const line = plain ? `${key} = ${value}` : pythonStrip(`${key} = ${value}`);
  return line.includes('\n') || line.includes('\r') ? null : `${line}\n`;
}

/** Lines built once for the options many sections share (templates' own options, generated constants). */
export type SharedOptionLines = ReadonlyMap<SipOption, string>;

/**
 * Writes the options' lines of section `section` in one write: pjsip.conf has about sixty lines
 * per line endpoint, so a write and two regular expressions per line would dominate the
 * generation. An option whose line would hold a line break fails the generation, as
 * ConfWriter.option does.
 */
export function writeOptions(
  output: ConfOutput,
  section: string | null,
  options: readonly SipOption[],
  shared?: SharedOptionLines,
): void {
  if (options.length === 0) return;
  let text = '';
  for (const option of options) {
    const line = shared?.get(option) ?? optionLine(option);
    if (line === null) throw lineBreakError({ section, option: option[0] });
    text += line;
  }
  output.write(text);
}

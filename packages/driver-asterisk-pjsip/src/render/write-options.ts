import type { ConfWriter } from '@wazo-confgend/asterisk-conf';
import type { SipOption } from '@wazo-confgend/dao';

export function writeOptions(writer: ConfWriter, options: readonly SipOption[]): void {
  for (const [key, value] of options) writer.option(key, value);
}

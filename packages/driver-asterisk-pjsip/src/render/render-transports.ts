import { ConfWriter, type ConfOutput } from '@wazo-confgend/asterisk-conf';
import type { PjsipTransportSettings } from '../queries/types.js';
import { writeOptions } from './write-options.js';

/** `[name]`, `type = transport`, then the stored options (repeated keys kept). */
export function renderTransports(output: ConfOutput, transports: readonly PjsipTransportSettings[]): void {
  const writer = new ConfWriter(output);
  for (const transport of transports) {
    writer.section(transport.name);
    writer.option('type', 'transport');
    writeOptions(output, transport.name, transport.options);
  }
}

import { ConfOutput, ConfWriter } from '@wazo-confgend/asterisk-conf';
import { printsUnstripped } from './option-line.js';
import { findQueueGeneralSettings } from './queries/find-queue-general-settings.js';
import { findQueueMemberLines } from './queries/find-queue-members.js';
import { findQueues } from './queries/find-queues.js';
import { writeQueueOptions } from './queue-options.js';
import type { OptionSink } from './queue-options.js';

/**
 * asterisk/queues.conf, in one writer: `[general]` from `staticqueue`, then one section per
 * enabled queue (groups are queues too), headed by a `; <label>` comment, with its non-empty
 * columns as options and its user-type members last. Integer columns print as numbers (`0`/`1`,
 * not yes/no), a NULL general value as `None`, as upstream does. Three queries in all.
 */
export class QueuesConfDriver {
  async generate(): Promise<string> {
    // One after the other: the queries share the session's single connection.
    const general = await findQueueGeneralSettings();
    const queues = await findQueues();
    const memberLines = await findQueueMemberLines();

    const output = new ConfOutput();
    const writer = new ConfWriter(output);
    // Tens of thousands of option lines at scale: most need no strip, so skip its cost for them.
    const writeOption: OptionSink = (key, value) => {
      if (printsUnstripped(value)) output.write(`${key} = ${value}\n`);
      else writer.option(key, value);
    };

    writer.section('general');
    for (const setting of general) writer.option(setting.var_name, setting.var_val);

    for (const queue of queues) {
      writer.section(queue.name, queue.label ?? 'unknown');
      writeQueueOptions(queue, writeOption);
      const members = memberLines.get(queue.name);
      if (members !== undefined) output.write(members);
    }
    return output.toString();
  }
}

import { ConfOutput, ConfWriter } from '@wazo-confgend/asterisk-conf';
import { findSkillRules } from './queries/find-skill-rules.js';

/**
 * asterisk/queueskillrules.conf: one `[skillrule-<id>]` section per rule, with one `rule =` line
 * per `;`-separated part of its text. A NULL rule leaves the section empty; an empty one gives a
 * single `rule =`. Without any rule the file is empty, which the service treats as a failed
 * generation, as upstream does.
 */
export class QueueskillrulesConfDriver {
  async generate(): Promise<string> {
    const output = new ConfOutput();
    const writer = new ConfWriter(output);
    for (const { id, rule } of await findSkillRules()) {
      writer.section(`skillrule-${id}`);
      if (rule === null) continue;
      for (const part of rule.split(';')) writer.option('rule', part);
    }
    return output.toString();
  }
}

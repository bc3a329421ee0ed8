import { ConfOutput, ConfWriter } from '@wazo-confgend/asterisk-conf';
import { findAgentSkills } from './queries/find-agent-skills.js';

/**
 * asterisk/queueskills.conf: one `[agent-<id>]` section per agent that has skills, listing
 * `<skill> = <weight>`. Without any agent skill the file is empty, which the service treats as a
 * failed generation, as upstream does.
 */
export class QueueskillsConfDriver {
  async generate(): Promise<string> {
    const output = new ConfOutput();
    const writer = new ConfWriter(output);
    let currentAgent: number | undefined;
    for (const { agentId, skill, weight } of await findAgentSkills()) {
      if (agentId !== currentAgent) {
        writer.section(`agent-${agentId}`);
        currentAgent = agentId;
      }
      writer.option(skill, weight);
    }
    return output.toString();
  }
}

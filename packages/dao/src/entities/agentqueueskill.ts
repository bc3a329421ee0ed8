import { EntitySchema } from 'typeorm';

/** The weight an agent has in a skill (`agentqueueskill`). */
export interface AgentQueueSkillRow {
  agentid: number;
  skillid: number;
  weight: number;
}

export const AgentQueueSkill = new EntitySchema<AgentQueueSkillRow>({
  name: 'AgentQueueSkill',
  tableName: 'agentqueueskill',
  columns: {
    agentid: { type: 'integer', primary: true },
    skillid: { type: 'integer', primary: true },
    weight: { type: 'integer', default: 0 },
  },
});

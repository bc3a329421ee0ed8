import { query } from '@wazo-confgend/dao';

/** One skill of one agent, with its weight. */
export interface AgentSkill {
  readonly agentId: number;
  readonly skill: string;
  readonly weight: number;
}

// Upstream orders by agent id only; an agent's skills then come in the physical order of
// agentqueueskill (ctid), the order its rows were written in.
const FIND_AGENT_SKILLS = `
  SELECT a.id AS "agentId", s.name AS skill, aqs.weight
    FROM agentqueueskill aqs
    JOIN agentfeatures a ON a.id = aqs.agentid
    JOIN queueskill s ON s.id = aqs.skillid
   ORDER BY a.id, aqs.ctid`;

/** The skills of every agent of every tenant, grouped by agent. */
export async function findAgentSkills(): Promise<AgentSkill[]> {
  return query<AgentSkill>(FIND_AGENT_SKILLS);
}

import { query } from '@wazo-confgend/dao';

export interface SkillRule {
  readonly id: number;
  readonly rule: string | null;
}

// No ORDER BY upstream: physical order (ctid), every tenant's rules.
const FIND_SKILL_RULES = `
  SELECT id, rule
    FROM queueskillrule
   ORDER BY ctid`;

export async function findSkillRules(): Promise<SkillRule[]> {
  return query<SkillRule>(FIND_SKILL_RULES);
}

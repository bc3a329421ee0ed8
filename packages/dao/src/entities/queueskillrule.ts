import { EntitySchema } from 'typeorm';

export interface QueueSkillRuleRow {
  id: number;
  tenantUuid: string;
  name: string;
  rule: string | null;
}

/** A skill-based routing rule (`queueskillrule`): the columns the drivers read. */
export const QueueSkillRule = new EntitySchema<QueueSkillRuleRow>({
  name: 'QueueSkillRule',
  tableName: 'queueskillrule',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    tenantUuid: { name: 'tenant_uuid', type: 'varchar', length: 36 },
    name: { type: 'varchar', length: 64 },
    rule: { type: 'text', nullable: true },
  },
  indices: [{ name: 'queueskillrule__idx__tenant_uuid', columns: ['tenantUuid'] }],
});

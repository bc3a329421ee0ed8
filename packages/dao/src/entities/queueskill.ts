import { EntitySchema } from 'typeorm';

export interface QueueSkillRow {
  id: number;
  tenantUuid: string;
  name: string;
}

/** A skill agents can have (`queueskill`): the columns the drivers read. */
export const QueueSkill = new EntitySchema<QueueSkillRow>({
  name: 'QueueSkill',
  tableName: 'queueskill',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    tenantUuid: { name: 'tenant_uuid', type: 'varchar', length: 36 },
    name: { type: 'varchar', length: 64, default: '' },
  },
  uniques: [{ columns: ['name', 'tenantUuid'] }],
  indices: [{ name: 'queueskill__idx__tenant_uuid', columns: ['tenantUuid'] }],
});

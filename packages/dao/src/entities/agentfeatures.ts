import { EntitySchema } from 'typeorm';

export interface AgentFeaturesRow {
  id: number;
  tenantUuid: string;
  number: string;
}

/** A call-centre agent (`agentfeatures`): the columns the drivers read. */
export const AgentFeatures = new EntitySchema<AgentFeaturesRow>({
  name: 'AgentFeatures',
  tableName: 'agentfeatures',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    tenantUuid: { name: 'tenant_uuid', type: 'varchar', length: 36 },
    number: { type: 'varchar', length: 40 },
  },
  uniques: [{ columns: ['number', 'tenantUuid'] }],
  indices: [{ name: 'agentfeatures__idx__tenant_uuid', columns: ['tenantUuid'] }],
});

import { EntitySchema } from 'typeorm';

export interface TrunkFeaturesRow {
  id: number;
  tenantUuid: string;
  endpointSipUuid: string | null;
  context: string | null;
}

/** A trunk (`trunkfeatures`): the columns the drivers read. */
export const TrunkFeatures = new EntitySchema<TrunkFeaturesRow>({
  name: 'TrunkFeatures',
  tableName: 'trunkfeatures',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    tenantUuid: { name: 'tenant_uuid', type: 'varchar', length: 36 },
    endpointSipUuid: { name: 'endpoint_sip_uuid', type: 'uuid', nullable: true },
    context: { type: 'varchar', length: 79, nullable: true },
  },
});

import { EntitySchema } from 'typeorm';

/** A music-on-hold class (`moh`). */
export interface MohRow {
  uuid: string;
  tenantUuid: string;
  name: string;
  label: string;
  mode: string;
  application: string | null;
  sort: string | null;
}

export const Moh = new EntitySchema<MohRow>({
  name: 'Moh',
  tableName: 'moh',
  columns: {
    uuid: { type: 'varchar', length: 38, primary: true },
    tenantUuid: { name: 'tenant_uuid', type: 'varchar', length: 36, nullable: false },
    name: { type: 'text', nullable: false, unique: true },
    label: { type: 'text', nullable: false },
    mode: { type: 'text', nullable: false },
    application: { type: 'text', nullable: true },
    sort: { type: 'text', nullable: true },
  },
  indices: [{ name: 'moh__idx__tenant_uuid', columns: ['tenantUuid'] }],
});

import { EntitySchema } from 'typeorm';

export interface SccpLineRow {
  id: number;
  tenantUuid: string;
  name: string;
  cidName: string;
  cidNum: string;
  disallow: string | null;
  allow: string | null;
}

/** An SCCP line endpoint (`sccpline`): the columns the drivers read. */
export const SccpLine = new EntitySchema<SccpLineRow>({
  name: 'SccpLine',
  tableName: 'sccpline',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    // The Wazo table has no defaults for these: they only spare test rows that do not care.
    tenantUuid: { name: 'tenant_uuid', type: 'varchar', length: 36, default: '' },
    name: { type: 'varchar', length: 80 },
    cidName: { name: 'cid_name', type: 'varchar', length: 80, default: '' },
    cidNum: { name: 'cid_num', type: 'varchar', length: 80, default: '' },
    disallow: { type: 'varchar', length: 100, nullable: true },
    allow: { type: 'text', nullable: true },
  },
});

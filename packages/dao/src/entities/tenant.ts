import { EntitySchema } from 'typeorm';

export interface TenantRow {
  uuid: string;
  recordStartAnnouncement: string | null;
  recordStopAnnouncement: string | null;
}

/** A tenant (`tenant`): the columns the drivers read. */
export const Tenant = new EntitySchema<TenantRow>({
  name: 'Tenant',
  tableName: 'tenant',
  columns: {
    uuid: { type: 'varchar', length: 36, primary: true, default: () => 'uuid_generate_v4()' },
    recordStartAnnouncement: { name: 'record_start_announcement', type: 'text', nullable: true },
    recordStopAnnouncement: { name: 'record_stop_announcement', type: 'text', nullable: true },
  },
});

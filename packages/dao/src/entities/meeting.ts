import { EntitySchema } from 'typeorm';

export interface MeetingRow {
  uuid: string;
  name: string | null;
  guestEndpointSipUuid: string | null;
  tenantUuid: string;
  number: string;
}

/** A meeting (`meeting`): the columns the drivers read. */
export const Meeting = new EntitySchema<MeetingRow>({
  name: 'Meeting',
  tableName: 'meeting',
  columns: {
    uuid: { type: 'uuid', primary: true, default: () => 'uuid_generate_v4()' },
    name: { type: 'text', nullable: true },
    guestEndpointSipUuid: { name: 'guest_endpoint_sip_uuid', type: 'uuid', nullable: true },
    tenantUuid: { name: 'tenant_uuid', type: 'varchar', length: 36 },
    number: { type: 'text' },
  },
});

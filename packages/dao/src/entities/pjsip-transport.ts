import { EntitySchema } from 'typeorm';

export interface PjsipTransportRow {
  uuid: string;
  name: string;
}

export interface PjsipTransportOptionRow {
  id: number;
  key: string;
  value: string;
  pjsipTransportUuid: string;
}

/** A PJSIP transport (`pjsip_transport`). */
export const PjsipTransport = new EntitySchema<PjsipTransportRow>({
  name: 'PjsipTransport',
  tableName: 'pjsip_transport',
  columns: {
    uuid: { type: 'uuid', primary: true, default: () => 'uuid_generate_v4()' },
    name: { type: 'text', unique: true },
  },
});

/** One option of a transport (`pjsip_transport_option`); a key may repeat (`local_net`). */
export const PjsipTransportOption = new EntitySchema<PjsipTransportOptionRow>({
  name: 'PjsipTransportOption',
  tableName: 'pjsip_transport_option',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    key: { type: 'text' },
    value: { type: 'text' },
    pjsipTransportUuid: { name: 'pjsip_transport_uuid', type: 'uuid' },
  },
});

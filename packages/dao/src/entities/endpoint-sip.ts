import { EntitySchema } from 'typeorm';

/** The section kinds of a PJSIP endpoint (`endpoint_sip_section_type`). */
export const ENDPOINT_SIP_SECTION_TYPES = [
  'aor',
  'auth',
  'endpoint',
  'identify',
  'outbound_auth',
  'registration_outbound_auth',
  'registration',
] as const;
export type EndpointSipSectionType = (typeof ENDPOINT_SIP_SECTION_TYPES)[number];

export interface EndpointSipRow {
  uuid: string;
  label: string | null;
  name: string;
  asteriskId: string | null;
  tenantUuid: string;
  transportUuid: string | null;
  template: boolean | null;
}

export interface EndpointSipTemplateRow {
  childUuid: string;
  parentUuid: string;
  priority: number | null;
}

export interface EndpointSipSectionRow {
  uuid: string;
  type: EndpointSipSectionType;
  endpointSipUuid: string;
}

export interface EndpointSipSectionOptionRow {
  uuid: string;
  key: string;
  value: string;
  endpointSipSectionUuid: string;
}

/** A PJSIP endpoint or endpoint template (`endpoint_sip`). */
export const EndpointSip = new EntitySchema<EndpointSipRow>({
  name: 'EndpointSip',
  tableName: 'endpoint_sip',
  columns: {
    uuid: { type: 'uuid', primary: true, default: () => 'uuid_generate_v4()' },
    label: { type: 'text', nullable: true },
    name: { type: 'text', unique: true },
    asteriskId: { name: 'asterisk_id', type: 'text', nullable: true },
    tenantUuid: { name: 'tenant_uuid', type: 'varchar', length: 36 },
    transportUuid: { name: 'transport_uuid', type: 'uuid', nullable: true },
    template: { type: 'boolean', nullable: true, default: false },
  },
});

/** The ordered parents (templates) of an endpoint (`endpoint_sip_template`). */
export const EndpointSipTemplate = new EntitySchema<EndpointSipTemplateRow>({
  name: 'EndpointSipTemplate',
  tableName: 'endpoint_sip_template',
  columns: {
    childUuid: { name: 'child_uuid', type: 'uuid', primary: true },
    parentUuid: { name: 'parent_uuid', type: 'uuid', primary: true },
    priority: { type: 'integer', nullable: true },
  },
});

/** One section (aor, auth, endpoint...) of an endpoint (`endpoint_sip_section`). */
export const EndpointSipSection = new EntitySchema<EndpointSipSectionRow>({
  name: 'EndpointSipSection',
  tableName: 'endpoint_sip_section',
  columns: {
    uuid: { type: 'uuid', primary: true, default: () => 'uuid_generate_v4()' },
    type: { type: 'enum', enum: [...ENDPOINT_SIP_SECTION_TYPES], enumName: 'endpoint_sip_section_type' },
    endpointSipUuid: { name: 'endpoint_sip_uuid', type: 'uuid' },
  },
  uniques: [{ columns: ['type', 'endpointSipUuid'] }],
  indices: [{ name: 'endpoint_sip_section__idx__endpoint_sip_uuid', columns: ['endpointSipUuid'] }],
});

/** One `key = value` of a section (`endpoint_sip_section_option`); the table has no ordering column. */
export const EndpointSipSectionOption = new EntitySchema<EndpointSipSectionOptionRow>({
  name: 'EndpointSipSectionOption',
  tableName: 'endpoint_sip_section_option',
  columns: {
    uuid: { type: 'uuid', primary: true, default: () => 'uuid_generate_v4()' },
    key: { type: 'text' },
    value: { type: 'text' },
    endpointSipSectionUuid: { name: 'endpoint_sip_section_uuid', type: 'uuid' },
  },
  indices: [
    { name: 'endpoint_sip_section_option__idx__endpoint_sip_section_uuid', columns: ['endpointSipSectionUuid'] },
  ],
});

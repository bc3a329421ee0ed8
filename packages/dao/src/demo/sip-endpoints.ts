import type { DatasetRow, DatasetTable } from './dataset.js';
import { demoUuid } from './demo-uuid.js';

export type SipSectionType =
  | 'aor'
  | 'auth'
  | 'endpoint'
  | 'identify'
  | 'outbound_auth'
  | 'registration'
  | 'registration_outbound_auth';

export type SipOption = readonly [key: string, value: string];

/** A SIP endpoint (template, line or trunk) as an administrator sees it, before it is split into rows. */
export interface SipEndpointSpec {
  readonly name: string;
  readonly label: string | null;
  readonly tenantUuid: string;
  readonly transportUuid: string | null;
  readonly template: boolean;
  /** Names of the templates it inherits from, in priority order. */
  readonly parents: readonly string[];
  readonly sections: Partial<Record<SipSectionType, readonly SipOption[]>>;
}

export function sipEndpointUuid(name: string): string {
  return demoUuid(`endpoint_sip:${name}`);
}

/** The endpoint_sip, endpoint_sip_template, endpoint_sip_section and endpoint_sip_section_option rows. */
export function sipEndpointTables(endpoints: readonly SipEndpointSpec[]): DatasetTable[] {
  const endpointRows: DatasetRow[] = [];
  const templateRows: DatasetRow[] = [];
  const sectionRows: DatasetRow[] = [];
  const optionRows: DatasetRow[] = [];
  for (const endpoint of endpoints) {
    const uuid = sipEndpointUuid(endpoint.name);
    endpointRows.push({
      uuid,
      label: endpoint.label,
      name: endpoint.name,
      asterisk_id: null,
      tenant_uuid: endpoint.tenantUuid,
      transport_uuid: endpoint.transportUuid,
      template: endpoint.template,
    });
    endpoint.parents.forEach((parent, priority) =>
      templateRows.push({ child_uuid: uuid, parent_uuid: sipEndpointUuid(parent), priority }),
    );
    for (const [type, options] of Object.entries(endpoint.sections)) {
      const sectionUuid = demoUuid(`endpoint_sip_section:${endpoint.name}:${type}`);
      sectionRows.push({ uuid: sectionUuid, type, endpoint_sip_uuid: uuid });
      options.forEach(([key, value], index) =>
        optionRows.push({
          uuid: demoUuid(`endpoint_sip_section_option:${endpoint.name}:${type}:${index}`),
          key,
          value,
          endpoint_sip_section_uuid: sectionUuid,
        }),
      );
    }
  }
  return [
    { table: 'endpoint_sip', rows: endpointRows },
    { table: 'endpoint_sip_template', rows: templateRows },
    { table: 'endpoint_sip_section', rows: sectionRows },
    { table: 'endpoint_sip_section_option', rows: optionRows },
  ];
}

import { query } from '@wazo-confgend/dao';
import type { SectionName } from '../resolver/sections.js';
import type { SipEndpointSettings, SipOption } from './types.js';

interface EndpointRow {
  uuid: string;
  name: string;
  label: string | null;
  tenant_uuid: string;
  template: boolean | null;
  transport_name: string | null;
  /** One row per template, null for an endpoint without one. */
  parent_uuid: string | null;
}

interface OptionRow {
  endpoint_sip_uuid: string;
  type: SectionName;
  key: string;
  value: string;
}

/**
 * Every endpoint and its section options in two queries whatever their number. All endpoints, not
 * only those lines, trunks and meeting guests reach (with their templates): an endpoint nothing
 * uses is rare, and finding the reachable ones costs more than reading the others.
 */
export async function findSipEndpoints(): Promise<Map<string, SipEndpointSettings>> {
  // A row per endpoint and template, templates by priority then physical order as upstream sorts them.
  const endpointRows = await query<EndpointRow>(
    `SELECT e.uuid, e.name, e.label, e.tenant_uuid, e.template, tr.name AS transport_name, t.parent_uuid
       FROM endpoint_sip e
       LEFT JOIN pjsip_transport tr ON tr.uuid = e.transport_uuid
       LEFT JOIN endpoint_sip_template t ON t.child_uuid = e.uuid
      ORDER BY e.uuid, t.priority, t.ctid`,
  );
  const sectionsByEndpoint = new Map<string, Map<SectionName, SipOption[]>>();
  const endpoints = new Map<string, SipEndpointSettings>();
  let parentUuids: string[] = [];
  for (const row of endpointRows) {
    if (!endpoints.has(row.uuid)) {
      const sections = new Map<SectionName, SipOption[]>();
      sectionsByEndpoint.set(row.uuid, sections);
      parentUuids = [];
      endpoints.set(row.uuid, {
        uuid: row.uuid,
        name: row.name,
        label: row.label,
        tenantUuid: row.tenant_uuid,
        transportName: row.transport_name,
        template: row.template === true,
        parentUuids,
        sections,
      });
    }
    if (row.parent_uuid !== null) parentUuids.push(row.parent_uuid);
  }

  // One row per option, in physical order: upstream reads the option table without ORDER BY, and
  // an unordered scan returns insertion order. Grouping them in SQL costs an ordered aggregate per
  // section, far more than the rows it saves.
  const optionRows = await query<OptionRow>(
    `SELECT s.endpoint_sip_uuid, s.type, o.key, o.value
       FROM endpoint_sip_section_option o
       JOIN endpoint_sip_section s ON s.uuid = o.endpoint_sip_section_uuid
      ORDER BY o.ctid`,
  );
  // An endpoint's options are mostly stored together: look its sections up once per run of rows.
  let lastUuid: string | undefined;
  let sections: Map<SectionName, SipOption[]> | undefined;
  for (const { endpoint_sip_uuid: uuid, type, key, value } of optionRows) {
    if (uuid !== lastUuid) {
      lastUuid = uuid;
      sections = sectionsByEndpoint.get(uuid);
    }
    if (!sections) continue;
    const options = sections.get(type);
    if (options) options.push([key, value]);
    else sections.set(type, [[key, value]]);
  }
  return endpoints;
}

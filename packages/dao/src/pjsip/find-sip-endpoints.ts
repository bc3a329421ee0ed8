import type { EndpointSipSectionType } from '../entities/endpoint-sip.js';
import { query } from '../session/session-scope.js';
import type { SipEndpointSettings, SipOption } from './types.js';

/**
 * The endpoints pjsip.conf needs: those of lines, trunks and meeting guests, plus every ancestor
 * template. UNION (not UNION ALL) makes a template cycle terminate here; the resolver reports it.
 */
const WANTED_ENDPOINTS = `
  WITH RECURSIVE roots(uuid) AS (
    SELECT endpoint_sip_uuid FROM linefeatures WHERE endpoint_sip_uuid IS NOT NULL
    UNION SELECT endpoint_sip_uuid FROM trunkfeatures WHERE endpoint_sip_uuid IS NOT NULL
    UNION SELECT guest_endpoint_sip_uuid FROM meeting WHERE guest_endpoint_sip_uuid IS NOT NULL
  ), wanted(uuid) AS (
    SELECT uuid FROM roots
    UNION SELECT t.parent_uuid FROM endpoint_sip_template t JOIN wanted w ON t.child_uuid = w.uuid
  )`;

interface EndpointRow {
  uuid: string;
  name: string;
  label: string | null;
  tenant_uuid: string;
  template: boolean | null;
  transport_name: string | null;
}

interface TemplateLinkRow {
  child_uuid: string;
  parent_uuid: string;
}

interface SectionRow {
  endpoint_sip_uuid: string;
  type: EndpointSipSectionType;
  options: SipOption[];
}

/**
 * Three queries whatever the number of endpoints: the endpoint rows, their template links and all
 * their section options.
 */
export async function findSipEndpoints(): Promise<Map<string, SipEndpointSettings>> {
  const endpointRows = await query<EndpointRow>(
    `${WANTED_ENDPOINTS}
     SELECT e.uuid, e.name, e.label, e.tenant_uuid, e.template, tr.name AS transport_name
       FROM endpoint_sip e
       JOIN wanted w ON w.uuid = e.uuid
       LEFT JOIN pjsip_transport tr ON tr.uuid = e.transport_uuid`,
  );
  // Upstream orders an endpoint's templates by priority (ties: physical order, as an unsorted scan gives).
  const linkRows = await query<TemplateLinkRow>(
    `${WANTED_ENDPOINTS}
     SELECT t.child_uuid, t.parent_uuid
       FROM endpoint_sip_template t
       JOIN wanted w ON w.uuid = t.child_uuid
      ORDER BY t.priority, t.ctid`,
  );
  // The option table has no ordering column and upstream reads it without ORDER BY: physical
  // (insertion) order is what an unordered scan returns, so it is the closest deterministic choice.
  // One row per section, its options aggregated as JSON pairs: a row per option would cost an
  // object (and a copy of the endpoint uuid) for each of the options of a large PBX.
  const sectionRows = await query<SectionRow>(
    `${WANTED_ENDPOINTS}
     SELECT s.endpoint_sip_uuid, s.type,
            json_agg(json_build_array(o.key, o.value) ORDER BY o.ctid) AS options
       FROM endpoint_sip_section s
       JOIN wanted w ON w.uuid = s.endpoint_sip_uuid
       JOIN endpoint_sip_section_option o ON o.endpoint_sip_section_uuid = s.uuid
      GROUP BY s.uuid, s.endpoint_sip_uuid, s.type`,
  );

  const parents = new Map<string, string[]>();
  for (const link of linkRows) {
    const list = parents.get(link.child_uuid);
    if (list) list.push(link.parent_uuid);
    else parents.set(link.child_uuid, [link.parent_uuid]);
  }
  const sections = new Map<string, Map<EndpointSipSectionType, SipOption[]>>();
  for (const { endpoint_sip_uuid: uuid, type, options } of sectionRows) {
    let byType = sections.get(uuid);
    if (!byType) sections.set(uuid, (byType = new Map()));
    byType.set(type, options);
  }

  const endpoints = new Map<string, SipEndpointSettings>();
  for (const row of endpointRows) {
    endpoints.set(row.uuid, {
      uuid: row.uuid,
      name: row.name,
      label: row.label,
      tenantUuid: row.tenant_uuid,
      transportName: row.transport_name,
      template: row.template === true,
      parentUuids: parents.get(row.uuid) ?? [],
      sections: sections.get(row.uuid) ?? new Map(),
    });
  }
  return endpoints;
}

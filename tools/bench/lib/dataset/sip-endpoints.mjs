/*
 * SIP endpoints: each tenant's templates (as wazo-confd creates them), the users' SIP lines, the
 * trunks and the meeting guests, with their template links, sections and options.
 */
import { SIP_TEMPLATES } from './sip-templates.mjs';
import {
  eachOf,
  insert,
  IS_SIP,
  IS_WEBRTC,
  literal,
  raw,
  TENANT_UUID,
  TENANTS,
  USER_EXTEN,
  USERS,
  uuidOf,
} from './sql.mjs';

const templateUuid = (label) => uuidOf(`'template:${label}:' || t`);
const LINE_UUID = uuidOf(`'line:' || u`);
export const TRUNK_UUID = uuidOf(`'trunk:' || t || ':' || k`);
export const GUEST_UUID = uuidOf(`'guest:' || t || ':' || m`);
const sectionUuid = (endpoint, type) => uuidOf(`(${endpoint})::text || ':${type}'`);
const transportUuid = (name) => (name ? `(SELECT uuid FROM pjsip_transport WHERE name = ${literal(name)})` : 'NULL');

const TRUNKS = eachOf('trunks', 'k');
const GUESTS = eachOf('meetings', 'm');
const IS_TWILIO_TRUNK = 'k = trunks';
const IS_REGISTERED_TRUNK = 'k < trunks';

const endpointRows = ({ uuid, label, name, transport, template }, from, where) =>
  insert(
    'endpoint_sip',
    { uuid, label, name, tenant_uuid: TENANT_UUID, transport_uuid: transport, template },
    from,
    where,
  );

const templateLink = (child, parent, from, where) =>
  insert('endpoint_sip_template', { child_uuid: child, parent_uuid: parent, priority: '0' }, from, where);

// One statement per section type: a bare literal takes the column's type (an enum in Wazo's schema).
const sectionRows = (endpoint, types, from, where) =>
  types.map((type) =>
    insert(
      'endpoint_sip_section',
      { uuid: sectionUuid(endpoint, type), type: `'${type}'`, endpoint_sip_uuid: endpoint },
      from,
      where,
    ),
  );

/** Options of one section type, `pairs` of [key, SQL expression]; a NULL value leaves the option out. */
const optionRows = (endpoint, type, pairs, from, where) =>
  insert(
    'endpoint_sip_section_option',
    {
      uuid: uuidOf(`(${sectionUuid(endpoint, type)})::text || ':' || o.n`),
      key: 'o.key',
      value: 'o.value',
      endpoint_sip_section_uuid: sectionUuid(endpoint, type),
    },
    `${from} CROSS JOIN LATERAL (VALUES ${pairs.map(([key, value], index) => `(${index + 1}, ${literal(key)}, ${value})`).join(', ')}) AS o(n, key, value)`,
    where ? `o.value IS NOT NULL AND (${where})` : 'o.value IS NOT NULL',
  );

export function sipTemplateStatements() {
  const endpoints = SIP_TEMPLATES.map((template) =>
    endpointRows(
      {
        uuid: templateUuid(template.label),
        label: literal(template.label),
        name: `'${template.label}-t' || t`,
        transport: transportUuid(template.transport),
        template: 'true',
      },
      TENANTS,
    ),
  );
  const links = SIP_TEMPLATES.filter((template) => template.parent).map((template) =>
    templateLink(templateUuid(template.label), templateUuid(template.parent), TENANTS),
  );
  const sections = SIP_TEMPLATES.flatMap((template) =>
    sectionRows(templateUuid(template.label), Object.keys(template.sections), TENANTS),
  );
  const options = SIP_TEMPLATES.flatMap((template) =>
    Object.entries(template.sections).map(([type, pairs]) =>
      optionRows(
        templateUuid(template.label),
        type,
        pairs.map(([key, value]) => [key, literal(value)]),
        TENANTS,
      ),
    ),
  );
  // The tenant is created first and pointed at its templates afterwards, as wazo-confd does.
  const tenantLinks = raw(
    `UPDATE tenant SET sip_templates_generated = true,
       ${SIP_TEMPLATES.map((template) => `${template.column} = x.${template.column}`).join(', ')}
       FROM (SELECT ${TENANT_UUID} AS tenant_uuid,
                    ${SIP_TEMPLATES.map((template) => `${templateUuid(template.label)} AS ${template.column}`).join(', ')}
               ${TENANTS}) AS x
      WHERE tenant.uuid = x.tenant_uuid`,
  );
  return [...endpoints, ...links, ...sections, ...options, tenantLinks];
}

export function sipEndpointStatements() {
  const carrier = `'carrier' || k || '.example.net'`;
  const account = `(4155550000 + t * 100 + k)::text`;
  return [
    endpointRows(
      { uuid: LINE_UUID, label: `'User ' || u`, name: `'line' || u`, transport: 'NULL', template: 'false' },
      USERS,
      IS_SIP,
    ),
    templateLink(
      LINE_UUID,
      `CASE WHEN ${IS_WEBRTC} THEN ${templateUuid('webrtc')} ELSE ${templateUuid('global')} END`,
      USERS,
      IS_SIP,
    ),
    ...sectionRows(LINE_UUID, ['endpoint', 'auth'], USERS, IS_SIP),
    ...sectionRows(LINE_UUID, ['aor'], USERS, `${IS_SIP} AND u % 4 = 0`),
    optionRows(
      LINE_UUID,
      'endpoint',
      [
        ['callerid', `'"User ' || u || '" <' || ${USER_EXTEN} || '>'`],
        ['language', `CASE WHEN u % 10 = 1 THEN 'fr_FR' END`],
      ],
      USERS,
      IS_SIP,
    ),
    optionRows(
      LINE_UUID,
      'auth',
      [
        ['username', `'line' || u`],
        ['password', `substr(md5('secret:' || u), 1, 16)`],
      ],
      USERS,
      IS_SIP,
    ),
    optionRows(
      LINE_UUID,
      'aor',
      [
        ['qualify_frequency', `'30'`],
        ['max_contacts', `(u % 3 + 1)::text`],
      ],
      USERS,
      `${IS_SIP} AND u % 4 = 0`,
    ),
    // Trunks: registered ones on registration_trunk, the tenant's last one on twilio_trunk.
    endpointRows(
      {
        uuid: TRUNK_UUID,
        label: `'Carrier ' || k`,
        name: `'trunk-t' || t || '-' || k`,
        transport: transportUuid('transport-udp'),
        template: 'false',
      },
      TRUNKS,
    ),
    templateLink(
      TRUNK_UUID,
      `CASE WHEN ${IS_TWILIO_TRUNK} THEN ${templateUuid('twilio_trunk')} ELSE ${templateUuid('registration_trunk')} END`,
      TRUNKS,
    ),
    ...sectionRows(TRUNK_UUID, ['endpoint', 'aor', 'outbound_auth'], TRUNKS),
    ...sectionRows(TRUNK_UUID, ['identify', 'registration', 'registration_outbound_auth'], TRUNKS, IS_REGISTERED_TRUNK),
    optionRows(
      TRUNK_UUID,
      'endpoint',
      [
        ['from_domain', carrier],
        ['from_user', `CASE WHEN ${IS_REGISTERED_TRUNK} THEN ${account} END`],
        ['allow', `'!all,alaw,ulaw'`],
      ],
      TRUNKS,
    ),
    optionRows(
      TRUNK_UUID,
      'aor',
      [
        ['contact', `'sip:' || ${carrier}`],
        ['qualify_frequency', `'60'`],
      ],
      TRUNKS,
    ),
    optionRows(
      TRUNK_UUID,
      'outbound_auth',
      [
        ['username', account],
        ['password', `substr(md5('trunk:' || t || ':' || k), 1, 12)`],
      ],
      TRUNKS,
    ),
    optionRows(
      TRUNK_UUID,
      'identify',
      [
        ['match', `'198.51.' || k || '.' || (t % 250)`],
        ['match', `'203.0.' || k || '.' || (t % 250)`],
      ],
      TRUNKS,
      IS_REGISTERED_TRUNK,
    ),
    optionRows(
      TRUNK_UUID,
      'registration',
      [
        ['client_uri', `'sip:' || ${account} || '@' || ${carrier}`],
        ['server_uri', `'sip:' || ${carrier}`],
        ['expiration', `'300'`],
      ],
      TRUNKS,
      IS_REGISTERED_TRUNK,
    ),
    optionRows(
      TRUNK_UUID,
      'registration_outbound_auth',
      [
        ['username', account],
        ['password', `substr(md5('registration:' || t || ':' || k), 1, 12)`],
      ],
      TRUNKS,
      IS_REGISTERED_TRUNK,
    ),
    // Meeting guests: one endpoint per meeting, on the meeting_guest template.
    endpointRows(
      { uuid: GUEST_UUID, label: 'NULL', name: `'guest-t' || t || '-' || m`, transport: 'NULL', template: 'false' },
      GUESTS,
    ),
    templateLink(GUEST_UUID, templateUuid('meeting_guest'), GUESTS),
    ...sectionRows(GUEST_UUID, ['endpoint'], GUESTS),
    optionRows(GUEST_UUID, 'endpoint', [['callerid', `'"Meeting ' || m || '"'`]], GUESTS),
  ];
}

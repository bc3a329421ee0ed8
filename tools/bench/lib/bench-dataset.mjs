/*
 * A synthetic Wazo PBX of N users for the pjsip.conf benchmark, written for the real Wazo schema
 * and generated inside PostgreSQL (INSERT ... SELECT over generate_series), so 20,000 users load
 * in seconds. Every id and uuid is derived from the row's number: the same N gives the same data.
 *
 * Per tenant (one per `usersPerTenant` users): the SIP templates a tenant gets (global, webrtc,
 * registration_trunk) with their usual options, an internal and an incoming-call context,
 * `trunksPerTenant` registered trunks (aor, auth, identify, registration) and `pickupGroupsPerTenant`
 * pickup groups. Per user: userfeatures, a SIP line on the global template (every fifth on webrtc)
 * with endpoint/aor/auth options, user_line, an extension, and a voicemail for every other user.
 */

/** @typedef {{ users: number, usersPerTenant?: number, trunksPerTenant?: number, pickupGroupsPerTenant?: number }} BenchDatasetOptions */

const uuidOf = (text) => `md5(${text})::uuid`;
const tenantUuid = (t) => `${uuidOf(`'tenant:' || ${t}`)}::text`;
const internalContext = (t) => `'internal-' || ${t}`;
const incallContext = (t) => `'incall-' || ${t}`;
const templateUuid = (kind, t) => uuidOf(`'template:${kind}:' || ${t}`);
const lineUuid = (u) => uuidOf(`'line:' || ${u}`);
const trunkUuid = (t, k) => uuidOf(`'trunk:' || ${t} || ':' || ${k}`);
const sectionUuid = (endpoint, type) => uuidOf(`(${endpoint})::text || ':${type}'`);
const UDP = uuidOf(`'transport:udp'`);
const WSS = uuidOf(`'transport:wss'`);

/** Options of the templates, as wazo-confd creates them for each tenant. */
const TEMPLATE_OPTIONS = {
  global: {
    aor: [
      ['maximum_expiration', '3600'],
      ['default_expiration', '120'],
      ['minimum_expiration', '60'],
      ['qualify_frequency', '60'],
      ['remove_existing', 'true'],
      ['max_contacts', '1'],
    ],
    endpoint: [
      ['rtp_timeout', '7200'],
      ['allow_transfer', 'yes'],
      ['use_ptime', 'yes'],
      ['callerid', 'wazo'],
      ['direct_media', 'no'],
      ['dtmf_mode', 'rfc4733'],
      ['language', 'en_US'],
      ['inband_progress', 'no'],
      ['rtp_timeout_hold', '0'],
      ['timers_sess_expires', '600'],
      ['timers_min_se', '90'],
      ['trust_id_inbound', 'no'],
      ['allow_subscribe', 'yes'],
      ['allow', '!all,ulaw'],
      ['set_var', 'TIMEOUT(absolute)=36000'],
      ['set_var', 'DYNAMIC_FEATURES=togglerecord'],
      ['notify_early_inuse_ringing', 'yes'],
    ],
  },
  webrtc: {
    aor: [
      ['remove_existing', 'false'],
      ['max_contacts', '10'],
    ],
    endpoint: [
      ['webrtc', 'yes'],
      ['dtls_auto_generate_cert', 'yes'],
      ['allow', '!all,opus,g722,alaw,ulaw,vp9,vp8,h264'],
      ['max_video_streams', '25'],
      ['max_audio_streams', '1'],
      ['timers', 'always'],
      ['timers_sess_expires', '300'],
      ['timers_min_se', '90'],
    ],
  },
  registration_trunk: {
    registration: [
      ['forbidden_retry_interval', '30'],
      ['retry_interval', '20'],
      ['max_retries', '10000'],
      ['auth_rejection_permanent', 'no'],
      ['fatal_retry_interval', '30'],
    ],
  },
};

const TEMPLATE_PARENT = { webrtc: 'global', registration_trunk: 'global' };
const TEMPLATE_TRANSPORT = { global: UDP, webrtc: WSS, registration_trunk: 'NULL' };

const literal = (value) => `'${String(value).replaceAll("'", "''")}'`;
const valuesList = (pairs) => pairs.map(([key, value]) => `(${literal(key)}, ${literal(value)})`).join(', ');

/**
 * The statements that build the dataset, in foreign-key order. Each is a table and its columns as
 * SQL expressions over the FROM clause, so a loader can leave out what a database does not have.
 * @param {BenchDatasetOptions} options
 */
export function benchDatasetStatements(options) {
  const users = Math.trunc(options.users);
  const perTenant = options.usersPerTenant ?? 100;
  const trunks = options.trunksPerTenant ?? 3;
  const pickups = options.pickupGroupsPerTenant ?? 2;
  if (!(users > 0) || !(perTenant > 0)) throw new Error(`a dataset needs users > 0 (got ${options.users})`);
  const tenants = Math.ceil(users / perTenant);
  const tenantSeries = `FROM generate_series(1, ${tenants}) AS t`;
  // u: the user number; t: its tenant; p: its position in the tenant (0-based).
  const userSeries = `FROM (SELECT u, (u - 1) / ${perTenant} + 1 AS t, (u - 1) % ${perTenant} AS p FROM generate_series(1, ${users}) AS u) AS users`;
  const trunkSeries = `FROM generate_series(1, ${tenants}) AS t CROSS JOIN generate_series(1, ${trunks}) AS k`;
  const exten = `(1000 + p)::text`;
  const lineName = `'line' || u`;
  const lineTemplate = `CASE WHEN u % 5 = 0 THEN ${templateUuid('webrtc', 't')} ELSE ${templateUuid('global', 't')} END`;
  const trunkName = `'trunk-' || t || '-' || k`;
  const carrier = `'carrier' || k || '.example.net'`;
  const account = `(4155550000 + t * 10 + k)::text`;

  const templateStatements = Object.entries(TEMPLATE_OPTIONS).flatMap(([kind, sections]) =>
    Object.entries(sections).map(([type, pairs]) => ({
      table: 'endpoint_sip_section_option',
      columns: {
        uuid: 'gen_random_uuid()',
        key: 'o.key',
        value: 'o.value',
        endpoint_sip_section_uuid: sectionUuid(templateUuid(kind, 't'), type),
      },
      from: `${tenantSeries} CROSS JOIN (VALUES ${valuesList(pairs)}) AS o(key, value)`,
    })),
  );

  // One statement per section type: a bare literal takes the column's type (an enum in Wazo's schema).
  const sectionRows = (endpoint, types, from) =>
    types.map((type) => ({
      table: 'endpoint_sip_section',
      columns: { uuid: sectionUuid(endpoint, type), type: `'${type}'`, endpoint_sip_uuid: endpoint },
      from,
    }));

  const optionRows = (endpoint, type, pairs, from) => ({
    table: 'endpoint_sip_section_option',
    columns: {
      uuid: 'gen_random_uuid()',
      key: 'o.key',
      value: 'o.value',
      endpoint_sip_section_uuid: sectionUuid(endpoint, type),
    },
    from: `${from} CROSS JOIN LATERAL (VALUES ${pairs.map(([key, value]) => `(${literal(key)}, ${value})`).join(', ')}) AS o(key, value)`,
    where: 'o.value IS NOT NULL',
  });

  return [
    {
      table: 'tenant',
      columns: {
        uuid: tenantUuid('t'),
        slug: `'t' || t`,
        sip_templates_generated: 'true',
        record_start_announcement: `CASE WHEN t % 4 = 0 THEN 'recording-start' END`,
        record_stop_announcement: `CASE WHEN t % 4 = 0 THEN 'recording-stop' END`,
        voicemail_transcription_enabled: 'false',
      },
      from: tenantSeries,
    },
    ...[
      ['internal', internalContext('t'), '2 * t - 1'],
      ['incall', incallContext('t'), '2 * t'],
    ].map(([type, name, id]) => ({
      table: 'context',
      columns: {
        id,
        uuid: uuidOf(name),
        tenant_uuid: tenantUuid('t'),
        name,
        displayname: name,
        contexttype: `'${type}'`,
        commented: '0',
        description: `''`,
      },
      from: tenantSeries,
    })),
    {
      table: 'pjsip_transport',
      columns: { uuid: 'x.uuid', name: 'x.name' },
      from: `FROM (VALUES (${UDP}, 'transport-udp'), (${WSS}, 'transport-wss')) AS x(uuid, name)`,
    },
    {
      table: 'pjsip_transport_option',
      columns: { id: 'x.id', key: 'x.key', value: 'x.value', pjsip_transport_uuid: 'x.transport' },
      from: `FROM (VALUES (1, 'protocol', 'udp', ${UDP}), (2, 'bind', '0.0.0.0:5060', ${UDP}),
        (3, 'local_net', '10.0.0.0/8', ${UDP}), (4, 'local_net', '192.168.0.0/16', ${UDP}),
        (5, 'protocol', 'wss', ${WSS}), (6, 'bind', '0.0.0.0:5060', ${WSS})) AS x(id, key, value, transport)`,
    },
    ...Object.keys(TEMPLATE_OPTIONS).map((kind) => ({
      table: 'endpoint_sip',
      columns: {
        uuid: templateUuid(kind, 't'),
        label: `'${kind}'`,
        name: `'${kind}-' || t`,
        tenant_uuid: tenantUuid('t'),
        transport_uuid: TEMPLATE_TRANSPORT[kind],
        template: 'true',
      },
      from: tenantSeries,
    })),
    {
      table: 'endpoint_sip',
      columns: {
        uuid: lineUuid('u'),
        label: `'User ' || u`,
        name: lineName,
        tenant_uuid: tenantUuid('t'),
        transport_uuid: 'NULL',
        template: 'false',
      },
      from: userSeries,
    },
    {
      table: 'endpoint_sip',
      columns: {
        uuid: trunkUuid('t', 'k'),
        label: `'Carrier ' || k`,
        name: trunkName,
        tenant_uuid: tenantUuid('t'),
        transport_uuid: UDP,
        template: 'false',
      },
      from: trunkSeries,
    },
    ...Object.entries(TEMPLATE_PARENT).map(([child, parent]) => ({
      table: 'endpoint_sip_template',
      columns: { child_uuid: templateUuid(child, 't'), parent_uuid: templateUuid(parent, 't'), priority: '0' },
      from: tenantSeries,
    })),
    {
      table: 'endpoint_sip_template',
      columns: { child_uuid: lineUuid('u'), parent_uuid: lineTemplate, priority: '0' },
      from: userSeries,
    },
    {
      table: 'endpoint_sip_template',
      columns: { child_uuid: trunkUuid('t', 'k'), parent_uuid: templateUuid('registration_trunk', 't'), priority: '0' },
      from: trunkSeries,
    },
    ...Object.entries(TEMPLATE_OPTIONS).flatMap(([kind, sections]) =>
      sectionRows(templateUuid(kind, 't'), Object.keys(sections), tenantSeries),
    ),
    ...sectionRows(lineUuid('u'), ['endpoint', 'aor', 'auth'], userSeries),
    ...sectionRows(
      trunkUuid('t', 'k'),
      ['endpoint', 'aor', 'outbound_auth', 'identify', 'registration', 'registration_outbound_auth'],
      trunkSeries,
    ),
    ...templateStatements,
    optionRows(
      lineUuid('u'),
      'endpoint',
      [
        ['callerid', `'"User ' || u || '" <' || ${exten} || '>'`],
        ['from_user', exten],
        ['language', `CASE WHEN u % 10 = 0 THEN 'fr_FR' END`],
        ['set_var', `CASE WHEN u % 7 = 0 THEN 'WAZO_LINE_LABEL=desk-' || u END`],
      ],
      userSeries,
    ),
    optionRows(
      lineUuid('u'),
      'aor',
      [
        ['max_contacts', `(u % 3 + 1)::text`],
        ['qualify_frequency', `CASE WHEN u % 4 = 0 THEN '30' END`],
        ['remove_existing', `'yes'`],
      ],
      userSeries,
    ),
    optionRows(
      lineUuid('u'),
      'auth',
      [
        ['username', lineName],
        ['password', `substr(md5('secret:' || u), 1, 16)`],
      ],
      userSeries,
    ),
    optionRows(
      trunkUuid('t', 'k'),
      'endpoint',
      [
        ['from_domain', carrier],
        ['from_user', account],
        ['allow', `'!all,alaw,ulaw'`],
      ],
      trunkSeries,
    ),
    optionRows(
      trunkUuid('t', 'k'),
      'aor',
      [
        ['contact', `'sip:' || ${carrier}`],
        ['qualify_frequency', `'60'`],
      ],
      trunkSeries,
    ),
    ...['outbound_auth', 'registration_outbound_auth'].map((type) =>
      optionRows(
        trunkUuid('t', 'k'),
        type,
        [
          ['username', account],
          ['password', `substr(md5('trunk:' || t || k), 1, 12)`],
        ],
        trunkSeries,
      ),
    ),
    optionRows(
      trunkUuid('t', 'k'),
      'identify',
      [
        ['match', `'198.51.' || k || '.' || (t % 250)`],
        ['match', `'203.0.' || k || '.' || (t % 250)`],
      ],
      trunkSeries,
    ),
    optionRows(
      trunkUuid('t', 'k'),
      'registration',
      [
        ['client_uri', `'sip:' || ${account} || '@' || ${carrier}`],
        ['server_uri', `'sip:' || ${carrier}`],
        ['expiration', `'300'`],
      ],
      trunkSeries,
    ),
    {
      table: 'voicemail',
      columns: {
        uniqueid: 'u',
        context: internalContext('t'),
        mailbox: exten,
        password: `lpad((u % 10000)::text, 4, '0')`,
        fullname: `'User ' || u`,
        email: `'user' || u || '@example.org'`,
        deletevoicemail: '0',
        skipcheckpass: '0',
        options: `'{}'`,
        commented: '0',
        accesstype: `'personal'`,
      },
      from: userSeries,
      where: 'u % 2 = 0',
    },
    {
      table: 'func_key_template',
      columns: { id: 'u', tenant_uuid: tenantUuid('t'), private: 'true' },
      from: userSeries,
    },
    {
      table: 'userfeatures',
      columns: {
        id: 'u',
        uuid: `${uuidOf(`'user:' || u`)}::text`,
        firstname: `'User'`,
        lastname: 'u::text',
        voicemailid: 'CASE WHEN u % 2 = 0 THEN u END',
        tenant_uuid: tenantUuid('t'),
        callerid: `'"User ' || u || '"'`,
        simultcalls: 'u % 4 + 2',
        enablehint: '1',
        enableonlinerec: 'CASE WHEN u % 3 = 0 THEN 1 ELSE 0 END',
        commented: '0',
        func_key_private_template_id: 'u',
        description: `''`,
      },
      from: userSeries,
    },
    {
      table: 'linefeatures',
      columns: {
        id: 'u',
        name: lineName,
        context: internalContext('t'),
        provisioningid: '100000 + u',
        num: '1',
        commented: '0',
        endpoint_sip_uuid: lineUuid('u'),
      },
      from: userSeries,
    },
    {
      table: 'user_line',
      columns: { user_id: 'u', line_id: 'u', main_user: 'true', main_line: 'true' },
      from: userSeries,
    },
    {
      table: 'extensions',
      columns: { id: 'u', commented: '0', context: internalContext('t'), exten, type: `'user'`, typeval: 'u::text' },
      from: userSeries,
    },
    {
      table: 'line_extension',
      columns: { line_id: 'u', extension_id: 'u', main_extension: 'true' },
      from: userSeries,
    },
    {
      table: 'trunkfeatures',
      columns: {
        id: `(t - 1) * ${trunks} + k`,
        tenant_uuid: tenantUuid('t'),
        endpoint_sip_uuid: trunkUuid('t', 'k'),
        registercommented: '0',
        context: incallContext('t'),
        outgoing_caller_id_format: `'+E164'`,
        twilio_incoming: 'false',
      },
      from: trunkSeries,
    },
    {
      table: 'pickup',
      columns: {
        id: `(t - 1) * ${pickups} + g`,
        tenant_uuid: tenantUuid('t'),
        name: `'pickup-' || t || '-' || g`,
        commented: '0',
      },
      from: `${tenantSeries} CROSS JOIN generate_series(1, ${pickups}) AS g`,
      where: `${pickups} > 0`,
    },
    // Ten members per group; every other member may also pick up the group's calls.
    ...[
      ['member', 'TRUE'],
      ['pickup', 'p % 2 = 0'],
    ].map(([category, condition]) => ({
      table: 'pickupmember',
      columns: {
        pickupid: `(t - 1) * ${pickups} + p / 10 + 1`,
        category: `'${category}'`,
        membertype: `'user'`,
        memberid: 'u',
      },
      from: userSeries,
      where: `p < ${pickups * 10} AND ${condition}`,
    })),
    {
      table: 'asterisk_file',
      columns: { id: '1', name: `'pjsip.conf'` },
      from: 'FROM (VALUES (1)) AS one(x)',
    },
    {
      table: 'asterisk_file_section',
      columns: { id: 's.id', name: 's.name', priority: '0', asterisk_file_id: '1' },
      from: `FROM (VALUES (1, 'global'), (2, 'system')) AS s(id, name)`,
    },
    {
      table: 'asterisk_file_variable',
      columns: { id: 'v.id', key: 'v.key', value: 'v.value', asterisk_file_section_id: '1' },
      from: `FROM (VALUES (1, 'user_agent', 'Wazo PBX'), (2, 'endpoint_identifier_order', 'auth_username,username,ip')) AS v(id, key, value)`,
    },
  ];
}

/**
 * Runs the statements with a pg client, in one transaction, leaving out the tables and columns
 * the database does not have (a schema built from the project's entities maps only what drivers
 * read). Returns what was left out.
 * @param {import('pg').ClientBase} client
 * @param {BenchDatasetOptions} options
 */
export async function loadBenchDataset(client, options) {
  const statements = benchDatasetStatements(options);
  const tables = [...new Set(statements.map((statement) => statement.table))];
  const { rows } = await client.query(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ANY($1)`,
    [tables],
  );
  const columnsOf = new Map();
  for (const { table_name, column_name } of rows) {
    columnsOf.set(table_name, (columnsOf.get(table_name) ?? new Set()).add(column_name));
  }
  const skippedTables = new Set();
  const skippedColumns = new Set();
  await client.query('BEGIN');
  try {
    for (const statement of statements) {
      const known = columnsOf.get(statement.table);
      if (!known) {
        skippedTables.add(statement.table);
        continue;
      }
      const columns = Object.entries(statement.columns).filter(([column]) => {
        if (!known.has(column)) skippedColumns.add(`${statement.table}.${column}`);
        return known.has(column);
      });
      await client.query(
        `INSERT INTO "${statement.table}" (${columns.map(([column]) => `"${column}"`).join(', ')})
         SELECT ${columns.map(([, expression]) => expression).join(', ')} ${statement.from}
         ${statement.where ? `WHERE ${statement.where}` : ''}`,
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  await client.query('ANALYZE');
  return { skippedTables: [...skippedTables], skippedColumns: [...skippedColumns] };
}

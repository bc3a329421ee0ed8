/*
 * Tenants, their contexts, and the users with their voicemail, agent, line (SIP, or SCCP with a
 * device) and extension.
 */
import {
  AGENT_ID,
  HAS_VOICEMAIL,
  INCALL_CONTEXT,
  insert,
  INTERNAL_CONTEXT,
  IS_AGENT,
  IS_SCCP,
  IS_SIP,
  LINE_NAME,
  OUTCALL_CONTEXT,
  TENANT_UUID,
  TENANTS,
  USER_EXTEN,
  USERS,
  uuidOf,
} from './sql.mjs';

const CONTEXTS = [
  ['internal', INTERNAL_CONTEXT, '3 * t - 2'],
  ['incall', INCALL_CONTEXT, '3 * t - 1'],
  ['outcall', OUTCALL_CONTEXT, '3 * t'],
];

/** Boss (position 1) and secretary (position 2) of each hundred users, while the tenant has filters. */
export const CALLFILTER_ID = 'callfilters_base + p / 100 + 1';
export const IS_BOSS = 'p % 100 = 1 AND p / 100 < callfilters';
export const IS_SECRETARY = 'p % 100 = 2 AND p / 100 < callfilters';

export function tenantStatements() {
  return [
    insert(
      'tenant',
      {
        uuid: TENANT_UUID,
        slug: `'t' || t`,
        country: `'FR'`,
        record_start_announcement: `CASE WHEN t % 4 = 0 THEN 'recording-start' END`,
        record_stop_announcement: `CASE WHEN t % 4 = 0 THEN 'recording-stop' END`,
        voicemail_transcription_enabled: 'false',
      },
      TENANTS,
    ),
    ...CONTEXTS.map(([type, name, id]) =>
      insert(
        'context',
        {
          id,
          uuid: uuidOf(name),
          tenant_uuid: TENANT_UUID,
          name,
          displayname: name,
          contexttype: `'${type}'`,
          commented: '0',
          description: `''`,
        },
        TENANTS,
      ),
    ),
    insert('contextinclude', { context: INTERNAL_CONTEXT, include: OUTCALL_CONTEXT, priority: '0' }, TENANTS),
    insert(
      'moh',
      {
        uuid: `${uuidOf(`'moh:' || t`)}::text`,
        tenant_uuid: TENANT_UUID,
        name: `'moh-t' || t`,
        label: `'Default'`,
        mode: `'files'`,
        sort: `'alphabetical'`,
      },
      TENANTS,
    ),
  ];
}

export function userStatements() {
  return [
    insert(
      'voicemail',
      {
        uniqueid: 'u',
        context: INTERNAL_CONTEXT,
        mailbox: USER_EXTEN,
        password: `lpad((u % 10000)::text, 4, '0')`,
        fullname: `'User ' || u`,
        email: `CASE WHEN u % 3 <> 0 THEN 'user' || u || '@example.org' END`,
        language: `CASE WHEN u % 10 = 1 THEN 'fr_FR' END`,
        tz: `CASE WHEN u % 4 = 0 THEN 'eu-fr' END`,
        attach: `CASE WHEN u % 3 = 0 THEN 1 END`,
        deletevoicemail: `CASE WHEN u % 5 = 0 THEN 1 ELSE 0 END`,
        maxmsg: `CASE WHEN u % 6 = 0 THEN 100 END`,
        skipcheckpass: '0',
        options: `CASE WHEN u % 8 = 0 THEN '{{saycid,yes},{envelope,no}}' ELSE '{}' END::character varying[]`,
        commented: '0',
        accesstype: `'personal'`,
      },
      USERS,
      HAS_VOICEMAIL,
    ),
    insert('func_key_template', { id: 'u', tenant_uuid: TENANT_UUID, private: 'true' }, USERS),
    insert(
      'agentfeatures',
      {
        id: AGENT_ID,
        tenant_uuid: TENANT_UUID,
        firstname: `'User'`,
        lastname: 'u::text',
        number: '(8000 + p / 10)::text',
        passwd: `''`,
        context: INTERNAL_CONTEXT,
        language: `'en_US'`,
        description: `''`,
      },
      USERS,
      IS_AGENT,
    ),
    insert(
      'userfeatures',
      {
        id: 'u',
        uuid: `${uuidOf(`'user:' || u`)}::text`,
        firstname: `'User'`,
        lastname: 'u::text',
        voicemailid: `CASE WHEN ${HAS_VOICEMAIL} THEN u END`,
        agentid: `CASE WHEN ${IS_AGENT} THEN ${AGENT_ID} END`,
        tenant_uuid: TENANT_UUID,
        callerid: `'"User ' || u || '"'`,
        simultcalls: 'u % 4 + 2',
        enablehint: 'CASE WHEN u % 50 = 0 THEN 0 ELSE 1 END',
        enableonlinerec: 'CASE WHEN u % 3 = 0 THEN 1 ELSE 0 END',
        enablednd: 'CASE WHEN u % 30 = 0 THEN 1 ELSE 0 END',
        enableunc: 'CASE WHEN u % 25 = 0 THEN 1 ELSE 0 END',
        destunc: `CASE WHEN u % 25 = 0 THEN '0612' || lpad(u::text, 6, '0') ELSE '' END`,
        enablerna: 'CASE WHEN u % 8 = 0 THEN 1 ELSE 0 END',
        destrna: `CASE WHEN u % 8 = 0 THEN (10000 + (p + 1) % size)::text ELSE '' END`,
        enablebusy: 'CASE WHEN u % 12 = 0 THEN 1 ELSE 0 END',
        destbusy: `CASE WHEN u % 12 = 0 THEN '0613' || lpad(u::text, 6, '0') ELSE '' END`,
        bsfilter: `(CASE WHEN ${IS_BOSS} THEN 'boss' WHEN ${IS_SECRETARY} THEN 'secretary' ELSE 'no' END)::generic_bsfilter`,
        language: `CASE WHEN u % 10 = 1 THEN 'fr_FR' END`,
        commented: '0',
        func_key_private_template_id: 'u',
        description: `''`,
      },
      USERS,
    ),
    insert(
      'sccpline',
      {
        id: 'u',
        tenant_uuid: TENANT_UUID,
        name: LINE_NAME,
        context: INTERNAL_CONTEXT,
        cid_name: `'User ' || u`,
        cid_num: USER_EXTEN,
        disallow: `CASE WHEN u % 40 = 0 THEN 'all' END`,
        allow: `CASE WHEN u % 40 = 0 THEN 'ulaw,alaw' END`,
        commented: '0',
      },
      USERS,
      IS_SCCP,
    ),
    insert(
      'sccpdevice',
      {
        id: 'u',
        name: `'SEP' || upper(lpad(to_hex(u), 12, '0'))`,
        device: `'SEP' || upper(lpad(to_hex(u), 12, '0'))`,
        line: LINE_NAME,
      },
      USERS,
      IS_SCCP,
    ),
    // About one line in a hundred is disabled: pjsip.conf still lists it, extensions.conf does not.
    insert(
      'linefeatures',
      {
        id: 'u',
        name: LINE_NAME,
        context: INTERNAL_CONTEXT,
        provisioningid: '100000 + u',
        num: '1',
        commented: 'CASE WHEN u % 97 = 0 THEN 1 ELSE 0 END',
        endpoint_sip_uuid: `CASE WHEN ${IS_SIP} THEN ${uuidOf(`'line:' || u`)} END`,
        endpoint_sccp_id: `CASE WHEN ${IS_SCCP} THEN u END`,
      },
      USERS,
    ),
    insert('user_line', { user_id: 'u', line_id: 'u', main_user: 'true', main_line: 'true' }, USERS),
    insert(
      'extensions',
      { id: 'u', commented: '0', context: INTERNAL_CONTEXT, exten: USER_EXTEN, type: `'user'`, typeval: 'u::text' },
      USERS,
    ),
    insert('line_extension', { line_id: 'u', extension_id: 'u', main_extension: 'true' }, USERS),
  ];
}

import type { Dataset, DatasetRow, DatasetTable } from './dataset.js';
import { demoUuid } from './demo-uuid.js';
import { sipEndpointTables, sipEndpointUuid, type SipEndpointSpec, type SipOption } from './sip-endpoints.js';

/*
 * The demo PBX: one tenant as a fresh Wazo install plus a few days of administration would leave
 * it — its SIP templates, four users with SIP lines (one of them WebRTC), two voicemails, a pickup
 * group, a registered SIP trunk, a conference room and the stock asterisk_file and features rows.
 */

const TENANT = demoUuid('tenant:demo');
const INTERNAL = 'demo-internal';
const FROM_EXTERN = 'demo-from-extern';
const TO_EXTERN = 'demo-to-extern';
const MOH_CLASS = 'demo-default';

const UDP = demoUuid('pjsip_transport:udp');
const WSS = demoUuid('pjsip_transport:wss');

const GLOBAL_TEMPLATE = 'demo-tpl-global';
const WEBRTC_TEMPLATE = 'demo-tpl-webrtc';
const TRUNK_TEMPLATE = 'demo-tpl-registration-trunk';

const TEMPLATES: readonly SipEndpointSpec[] = [
  {
    name: GLOBAL_TEMPLATE,
    label: 'global',
    tenantUuid: TENANT,
    transportUuid: UDP,
    template: true,
    parents: [],
    sections: {
      aor: [
        ['maximum_expiration', '3600'],
        ['default_expiration', '120'],
        ['minimum_expiration', '60'],
        ['qualify_frequency', '60'],
        ['remove_existing', 'true'],
        ['max_contacts', '1'],
      ],
      endpoint: [
        ['allow', '!all,ulaw,alaw,g722'],
        ['allow_subscribe', 'yes'],
        ['allow_transfer', 'yes'],
        ['callerid', 'Demo PBX'],
        ['direct_media', 'no'],
        ['dtmf_mode', 'rfc4733'],
        ['inband_progress', 'no'],
        ['language', 'en_US'],
        ['notify_early_inuse_ringing', 'yes'],
        ['rtp_timeout', '7200'],
        ['rtp_timeout_hold', '0'],
        ['timers_min_se', '90'],
        ['timers_sess_expires', '600'],
        ['trust_id_inbound', 'no'],
        ['use_ptime', 'yes'],
        ['set_var', 'TIMEOUT(absolute)=36000'],
        ['set_var', 'DYNAMIC_FEATURES=togglerecord'],
      ],
    },
  },
  {
    name: WEBRTC_TEMPLATE,
    label: 'webrtc',
    tenantUuid: TENANT,
    transportUuid: WSS,
    template: true,
    parents: [GLOBAL_TEMPLATE],
    sections: {
      aor: [
        ['max_contacts', '10'],
        ['remove_existing', 'false'],
      ],
      endpoint: [
        ['webrtc', 'yes'],
        ['dtls_auto_generate_cert', 'yes'],
        ['allow', '!all,opus,g722,alaw,ulaw,vp9,vp8,h264'],
        ['max_audio_streams', '1'],
        ['max_video_streams', '25'],
        ['timers', 'always'],
        ['timers_sess_expires', '300'],
      ],
    },
  },
  {
    name: TRUNK_TEMPLATE,
    label: 'registration_trunk',
    tenantUuid: TENANT,
    transportUuid: null,
    template: true,
    parents: [GLOBAL_TEMPLATE],
    sections: {
      registration: [
        ['retry_interval', '20'],
        ['forbidden_retry_interval', '30'],
        ['fatal_retry_interval', '30'],
        ['max_retries', '10000'],
        ['auth_rejection_permanent', 'no'],
      ],
    },
  },
];

interface DemoUser {
  readonly id: number;
  readonly firstname: string;
  readonly lastname: string;
  readonly exten: string;
  readonly line: string;
  readonly template: string;
  readonly voicemail: boolean;
  readonly enableonlinerec: 0 | 1;
  readonly simultcalls: number;
  readonly endpointOptions: readonly SipOption[];
  readonly aorOptions: readonly SipOption[];
  readonly password: string;
}

const USERS: readonly DemoUser[] = [
  {
    id: 1,
    firstname: 'Ada',
    lastname: 'Lovelace',
    exten: '1001',
    line: 'ada-desk',
    template: GLOBAL_TEMPLATE,
    voicemail: true,
    enableonlinerec: 1,
    simultcalls: 3,
    endpointOptions: [['from_user', '1001']],
    aorOptions: [['max_contacts', '2']],
    password: 'analytical-engine',
  },
  {
    id: 2,
    firstname: 'Grace',
    lastname: 'Hopper',
    exten: '1002',
    line: 'grace-web',
    template: WEBRTC_TEMPLATE,
    voicemail: true,
    enableonlinerec: 0,
    simultcalls: 5,
    endpointOptions: [['language', 'en_GB']],
    aorOptions: [['qualify_frequency', '30']],
    password: 'compiler-a0',
  },
  {
    id: 3,
    firstname: 'Alan',
    lastname: 'Turing',
    exten: '1003',
    line: 'alan-desk',
    template: GLOBAL_TEMPLATE,
    voicemail: false,
    enableonlinerec: 0,
    simultcalls: 5,
    endpointOptions: [['allow', '!all,g722,ulaw']],
    aorOptions: [['max_contacts', '3']],
    password: 'bombe-1940',
  },
  {
    id: 4,
    firstname: 'Katherine',
    lastname: 'Johnson',
    exten: '1004',
    line: 'katherine-desk',
    template: GLOBAL_TEMPLATE,
    voicemail: false,
    enableonlinerec: 0,
    simultcalls: 2,
    endpointOptions: [['language', 'fr_CA']],
    aorOptions: [['remove_existing', 'false']],
    password: 'orbit-1962',
  },
];

function userLine(user: DemoUser): SipEndpointSpec {
  const fullName = `${user.firstname} ${user.lastname}`;
  return {
    name: user.line,
    label: `${fullName}'s line`,
    tenantUuid: TENANT,
    transportUuid: null,
    template: false,
    parents: [user.template],
    sections: {
      aor: user.aorOptions,
      auth: [
        ['username', user.line],
        ['password', user.password],
      ],
      endpoint: [['callerid', `"${fullName}" <${user.exten}>`], ...user.endpointOptions],
    },
  };
}

const CARRIER = 'demo-carrier';
const CARRIER_ACCOUNT = '4155550100';
const CARRIER_HOST = 'sip.carrier.example.net';

const TRUNK: SipEndpointSpec = {
  name: CARRIER,
  label: 'Example carrier',
  tenantUuid: TENANT,
  transportUuid: UDP,
  template: false,
  parents: [TRUNK_TEMPLATE],
  sections: {
    aor: [
      ['contact', `sip:${CARRIER_HOST}:5060`],
      ['qualify_frequency', '60'],
    ],
    endpoint: [
      ['from_domain', CARRIER_HOST],
      ['from_user', CARRIER_ACCOUNT],
      ['allow', '!all,alaw,ulaw'],
    ],
    identify: [
      ['match', '198.51.100.20'],
      ['match', '198.51.100.21'],
    ],
    outbound_auth: [
      ['username', CARRIER_ACCOUNT],
      ['password', 'carrier-secret'],
    ],
    registration: [
      ['client_uri', `sip:${CARRIER_ACCOUNT}@${CARRIER_HOST}`],
      ['server_uri', `sip:${CARRIER_HOST}`],
      ['contact_user', CARRIER_ACCOUNT],
      ['expiration', '300'],
    ],
    registration_outbound_auth: [
      ['username', CARRIER_ACCOUNT],
      ['password', 'carrier-secret'],
    ],
  },
};

const ASTERISK_FILES: Readonly<Record<string, readonly { name: string; priority: number | null; variables: SipOption[] }[]>> = {
  'pjsip.conf': [
    {
      name: 'global',
      priority: 0,
      variables: [
        ['user_agent', 'Wazo PBX'],
        ['endpoint_identifier_order', 'auth_username,username,ip'],
      ],
    },
    { name: 'system', priority: 0, variables: [] },
  ],
  'rtp.conf': [
    {
      name: 'general',
      priority: 0,
      variables: [
        ['rtpstart', '10000'],
        ['rtpend', '20000'],
      ],
    },
    { name: 'ice_host_candidates', priority: null, variables: [] },
  ],
  'hep.conf': [{ name: 'general', priority: 0, variables: [['enabled', '0']] }],
  'confbridge.conf': [
    { name: 'general', priority: 0, variables: [] },
    { name: 'wazo_default_bridge', priority: null, variables: [['type', 'bridge']] },
    {
      name: 'wazo_default_user',
      priority: null,
      variables: [
        ['type', 'user'],
        ['dsp_drop_silence', 'yes'],
        ['talk_detection_events', 'yes'],
      ],
    },
  ],
};

function asteriskFileTables(): DatasetTable[] {
  const files: DatasetRow[] = [];
  const sections: DatasetRow[] = [];
  const variables: DatasetRow[] = [];
  for (const [fileName, fileSections] of Object.entries(ASTERISK_FILES)) {
    const fileId = files.length + 1;
    files.push({ id: fileId, name: fileName });
    for (const section of fileSections) {
      const sectionId = sections.length + 1;
      sections.push({ id: sectionId, name: section.name, priority: section.priority, asterisk_file_id: fileId });
      for (const [key, value] of section.variables) {
        variables.push({ id: variables.length + 1, key, value, priority: null, asterisk_file_section_id: sectionId });
      }
    }
  }
  return [
    { table: 'asterisk_file', rows: files },
    { table: 'asterisk_file_section', rows: sections },
    { table: 'asterisk_file_variable', rows: variables },
  ];
}

const FEATURES: readonly (readonly [category: string, name: string, value: string | null, commented: 0 | 1])[] = [
  ['general', 'transferdigittimeout', '3', 0],
  ['general', 'xfersound', null, 1],
  ['general', 'xferfailsound', null, 1],
  ['general', 'pickupexten', '*8', 0],
  ['general', 'featuredigittimeout', '1500', 0],
  ['general', 'atxfernoanswertimeout', '15', 0],
  ['general', 'atxferdropcall', 'no', 0],
  ['general', 'atxferloopdelay', '10', 0],
  ['general', 'atxfercallbackretries', '2', 0],
  ['featuremap', 'blindxfer', '#1', 0],
  ['featuremap', 'disconnect', '*0', 0],
  ['featuremap', 'atxfer', '*2', 0],
  ['applicationmap', 'togglerecord', '*3,self,AGI(agi://${WAZO_AGID_IP}/call_recording)', 0],
];

const CATEGORY_METRIC: Readonly<Record<string, number>> = { general: 0, featuremap: 1, applicationmap: 2 };

function featureRows(): DatasetRow[] {
  return FEATURES.map(([category, name, value, commented], index) => ({
    id: index + 1,
    cat_metric: CATEGORY_METRIC[category] ?? 0,
    var_metric: 0,
    commented,
    filename: 'features.conf',
    category,
    var_name: name,
    var_val: value,
  }));
}

function context(id: number, name: string, type: string, displayname: string): DatasetRow {
  return {
    id,
    uuid: demoUuid(`context:${name}`),
    tenant_uuid: TENANT,
    name,
    displayname,
    contexttype: type,
    commented: 0,
    description: '',
  };
}

function transportOptions(): DatasetRow[] {
  const options: [string, string, string][] = [
    [UDP, 'protocol', 'udp'],
    [UDP, 'bind', '0.0.0.0:5060'],
    [WSS, 'protocol', 'wss'],
    [WSS, 'bind', '0.0.0.0:5060'],
  ];
  return options.map(([transport, key, value], index) => ({ id: index + 1, key, value, pjsip_transport_uuid: transport }));
}

const CONFERENCE_EXTEN = '4000';

function userTables(): DatasetTable[] {
  const voicemailOf = (user: DemoUser) => (user.voicemail ? user.id : null);
  return [
    {
      table: 'voicemail',
      rows: USERS.filter((user) => user.voicemail).map((user) => ({
        uniqueid: user.id,
        context: INTERNAL,
        mailbox: user.exten,
        password: user.exten.split('').reverse().join(''),
        fullname: `${user.firstname} ${user.lastname}`,
        email: `${user.firstname.toLowerCase()}@demo.example.org`,
        pager: null,
        language: 'en_US',
        tz: 'eu-fr',
        attach: 1,
        deletevoicemail: 0,
        maxmsg: 100,
        skipcheckpass: 0,
        options: '{}',
        commented: 0,
        accesstype: 'personal',
      })),
    },
    {
      table: 'func_key_template',
      rows: USERS.map((user) => ({ id: user.id, tenant_uuid: TENANT, name: null, private: true })),
    },
    {
      table: 'userfeatures',
      rows: USERS.map((user) => ({
        id: user.id,
        uuid: demoUuid(`userfeatures:${user.id}`),
        firstname: user.firstname,
        lastname: user.lastname,
        email: null,
        voicemailid: voicemailOf(user),
        tenant_uuid: TENANT,
        callerid: `"${user.firstname} ${user.lastname}"`,
        ringseconds: 30,
        simultcalls: user.simultcalls,
        enablehint: 1,
        enablevoicemail: user.voicemail ? 1 : 0,
        enableonlinerec: user.enableonlinerec,
        musiconhold: MOH_CLASS,
        language: null,
        commented: 0,
        func_key_private_template_id: user.id,
        userfield: '',
        description: '',
      })),
    },
    {
      table: 'linefeatures',
      rows: USERS.map((user) => ({
        id: user.id,
        name: user.line,
        context: INTERNAL,
        provisioningid: 270000 + user.id * 1013,
        num: 1,
        application_uuid: null,
        commented: 0,
        description: null,
        endpoint_sip_uuid: sipEndpointUuid(user.line),
        endpoint_sccp_id: null,
        endpoint_custom_id: null,
      })),
    },
    {
      table: 'user_line',
      rows: USERS.map((user) => ({ user_id: user.id, line_id: user.id, main_user: true, main_line: true })),
    },
    {
      table: 'extensions',
      rows: [
        ...USERS.map((user) => ({
          id: user.id,
          commented: 0,
          context: INTERNAL,
          exten: user.exten,
          type: 'user',
          typeval: String(user.id),
        })),
        { id: USERS.length + 1, commented: 0, context: INTERNAL, exten: CONFERENCE_EXTEN, type: 'conference', typeval: '1' },
      ],
    },
    {
      table: 'line_extension',
      rows: USERS.map((user) => ({ line_id: user.id, extension_id: user.id, main_extension: true })),
    },
  ];
}

function buildDemoDataset(): Dataset {
  const endpoints = sipEndpointTables([...TEMPLATES, ...USERS.map(userLine), TRUNK]);
  return {
    tables: [
      {
        table: 'tenant',
        rows: [{ uuid: TENANT, slug: 'demo', sip_templates_generated: true, country: 'CA', voicemail_transcription_enabled: false }],
      },
      {
        table: 'context',
        rows: [
          context(1, INTERNAL, 'internal', 'Demo internal'),
          context(2, FROM_EXTERN, 'incall', 'Demo incoming calls'),
          context(3, TO_EXTERN, 'outcall', 'Demo outgoing calls'),
        ],
      },
      {
        table: 'pjsip_transport',
        rows: [
          { uuid: UDP, name: 'transport-udp' },
          { uuid: WSS, name: 'transport-wss' },
        ],
      },
      { table: 'pjsip_transport_option', rows: transportOptions() },
      ...endpoints,
      ...userTables(),
      {
        table: 'trunkfeatures',
        rows: [
          {
            id: 1,
            tenant_uuid: TENANT,
            endpoint_sip_uuid: sipEndpointUuid(CARRIER),
            endpoint_iax_id: null,
            endpoint_custom_id: null,
            register_iax_id: null,
            registercommented: 0,
            description: 'Outgoing and incoming calls through the example carrier',
            context: FROM_EXTERN,
            outgoing_caller_id_format: '+E164',
            twilio_incoming: false,
          },
        ],
      },
      { table: 'pickup', rows: [{ id: 1, tenant_uuid: TENANT, name: 'demo-reception', commented: 0, description: '' }] },
      {
        table: 'pickupmember',
        rows: [
          { pickupid: 1, category: 'member', membertype: 'user', memberid: 1 },
          { pickupid: 1, category: 'member', membertype: 'user', memberid: 3 },
          { pickupid: 1, category: 'pickup', membertype: 'user', memberid: 2 },
        ],
      },
      ...asteriskFileTables(),
      { table: 'features', rows: featureRows() },
      {
        table: 'moh',
        rows: [
          {
            uuid: demoUuid(`moh:${MOH_CLASS}`),
            tenant_uuid: TENANT,
            name: MOH_CLASS,
            label: 'Default',
            mode: 'files',
            application: null,
            sort: 'random',
          },
        ],
      },
      {
        table: 'conference',
        rows: [
          {
            id: 1,
            tenant_uuid: TENANT,
            name: 'Demo room',
            preprocess_subroutine: null,
            max_users: 25,
            record: false,
            pin: '2024',
            quiet_join_leave: false,
            announce_join_leave: true,
            announce_user_count: true,
            announce_only_user: true,
            music_on_hold: MOH_CLASS,
            admin_pin: '4242',
          },
        ],
      },
    ],
    links: [
      {
        table: 'tenant',
        key: { uuid: TENANT },
        set: {
          global_sip_template_uuid: sipEndpointUuid(GLOBAL_TEMPLATE),
          webrtc_sip_template_uuid: sipEndpointUuid(WEBRTC_TEMPLATE),
          registration_trunk_sip_template_uuid: sipEndpointUuid(TRUNK_TEMPLATE),
        },
      },
    ],
  };
}

/** The demo PBX, named by the real Wazo schema's tables and columns, parents first. */
export const DEMO_DATASET: Dataset = buildDemoDataset();

/*
 * What calls reach besides users: groups and queues (with their members), agents' skills,
 * conference rooms, parking lots, trunks and the outgoing route, incoming DIDs with their
 * destinations, IVRs, schedules, boss/secretary filters, pickup groups and meetings.
 */
import { GUEST_UUID, TRUNK_UUID } from './sip-endpoints.mjs';
import {
  AGENT_ID,
  eachOf,
  extenAt,
  INCALL_CONTEXT,
  insert,
  INTERNAL_CONTEXT,
  IS_AGENT,
  LINE_INTERFACE,
  OUTCALL_CONTEXT,
  TENANT_UUID,
  TENANTS,
  userAt,
  USERS,
  uuidOf,
} from './sql.mjs';
import { CALLFILTER_ID, IS_BOSS, IS_SECRETARY } from './users.mjs';

const GROUPS = eachOf('groups', 'g');
const QUEUES = eachOf('queues', 'q');
const GROUP_ID = 'groups_base + g';
const QUEUE_ID = 'queues_base + q';
const groupName = (g) => `'grp-t' || t || '-' || (${g})`;
const queueName = (q) => `'q-t' || t || '-' || (${q})`;
const SKILLS = `(VALUES (1, 'english'), (2, 'french'), (3, 'german'), (4, 'billing'), (5, 'support-l2')) AS skill(n, name)`;
const firstSkillRule = '2 * t - 1';

// Extension ids by kind, above the users' (whose extension id is the user id).
const EXTENSION_ID_BASE = { group: 1e6, queue: 2e6, conference: 3e6, incall: 4e6, parking: 5e6, outcall: 6e6 };

const extensionRows = (type, id, context, exten, typeval, from) =>
  insert(
    'extensions',
    { id: `${EXTENSION_ID_BASE[type]} + ${id}`, commented: '0', context, exten, type: `'${type}'`, typeval: `(${typeval})::text` },
    from,
  );

/** A `queue` row as wazo-confd writes it for a group or a queue; `overrides` replace its defaults. */
function queueRow(category, name, overrides) {
  const heard = (sound) => `'${sound}'`;
  return {
    name,
    musicclass: 'NULL',
    announce: 'NULL',
    context: 'NULL',
    timeout: '15',
    'monitor-type': 'NULL',
    'monitor-format': 'NULL',
    'queue-youarenext': heard('queue-youarenext'),
    'queue-thereare': heard('queue-thereare'),
    'queue-callswaiting': heard('queue-callswaiting'),
    'queue-holdtime': heard('queue-holdtime'),
    'queue-minutes': heard('queue-minutes'),
    'queue-seconds': heard('queue-seconds'),
    'queue-thankyou': heard('queue-thankyou'),
    'queue-reporthold': heard('queue-reporthold'),
    'periodic-announce': heard('queue-periodic-announce'),
    'announce-frequency': '0',
    'periodic-announce-frequency': '0',
    'announce-round-seconds': '0',
    'announce-holdtime': `'no'`,
    retry: '5',
    wrapuptime: '0',
    maxlen: '0',
    servicelevel: 'NULL',
    strategy: `'ringall'`,
    joinempty: 'NULL',
    leavewhenempty: 'NULL',
    ringinuse: '1',
    reportholdtime: '0',
    memberdelay: '0',
    weight: '0',
    timeoutrestart: '0',
    commented: '0',
    category: `'${category}'`,
    timeoutpriority: `'app'`,
    autofill: '1',
    autopause: `'no'`,
    setinterfacevar: '0',
    setqueueentryvar: '0',
    setqueuevar: '0',
    membermacro: 'NULL',
    'min-announce-frequency': '60',
    'random-periodic-announce': '0',
    'announce-position': `'no'`,
    'announce-position-limit': '5',
    defaultrule: 'NULL',
    ...overrides,
  };
}

function groupAndQueueStatements() {
  return [
    insert(
      'groupfeatures',
      {
        id: GROUP_ID,
        uuid: uuidOf(`'group:' || t || ':' || g`),
        tenant_uuid: TENANT_UUID,
        name: groupName('g'),
        label: `'Group ' || g`,
        timeout: '20',
      },
      GROUPS,
    ),
    insert(
      'queuefeatures',
      {
        id: QUEUE_ID,
        tenant_uuid: TENANT_UUID,
        name: queueName('q'),
        displayname: `'Queue ' || q`,
        number: '(3000 + q)::text',
        context: INTERNAL_CONTEXT,
      },
      QUEUES,
    ),
    insert(
      'queue',
      queueRow('group', groupName('g'), {
        timeout: '20',
        strategy: `(ARRAY['ringall', 'linear', 'rrmemory'])[g % 3 + 1]`,
      }),
      GROUPS,
    ),
    insert(
      'queue',
      queueRow('queue', queueName('q'), {
        musicclass: `CASE WHEN q % 2 = 0 THEN 'moh-t' || t END`,
        timeout: '0',
        strategy: `(ARRAY['ringall', 'leastrecent', 'linear', 'rrmemory'])[q % 4 + 1]`,
        joinempty: `CASE WHEN q % 5 = 0 THEN 'unavailable,invalid' END`,
        setinterfacevar: '1',
        setqueueentryvar: '1',
        setqueuevar: '1',
        'announce-position': `'yes'`,
        defaultrule: `CASE WHEN q % 3 = 0 THEN 'skillrule-' || ${firstSkillRule} END`,
      }),
      QUEUES,
    ),
    // A user in four is in a queue, a user in three in a group; every agent in a queue.
    insert(
      'queuemember',
      {
        queue_name: queueName('(p / 4) % queues + 1'),
        interface: LINE_INTERFACE,
        penalty: 'p % 3',
        commented: '0',
        usertype: `'user'`,
        userid: 'u',
        channel: `split_part(${LINE_INTERFACE}, '/', 1)`,
        category: `'queue'`,
        position: '(p / 4) / queues',
      },
      USERS,
      'p % 4 = 1',
    ),
    insert(
      'queuemember',
      {
        queue_name: groupName('(p / 3) % groups + 1'),
        interface: LINE_INTERFACE,
        penalty: '0',
        commented: '0',
        usertype: `'user'`,
        userid: 'u',
        channel: `split_part(${LINE_INTERFACE}, '/', 1)`,
        category: `'group'`,
        position: '(p / 3) / groups',
      },
      USERS,
      'p % 3 = 2',
    ),
    insert(
      'queuemember',
      {
        queue_name: queueName('(p / 10) % queues + 1'),
        interface: `'Agent/' || (8000 + p / 10)`,
        penalty: '0',
        commented: '0',
        usertype: `'agent'`,
        userid: AGENT_ID,
        channel: `'Agent'`,
        category: `'queue'`,
        position: '1000 + (p / 10) / queues',
      },
      USERS,
      IS_AGENT,
    ),
    insert(
      'queueskill',
      { id: '5 * (t - 1) + skill.n', tenant_uuid: TENANT_UUID, name: 'skill.name', description: `''` },
      `${TENANTS} CROSS JOIN ${SKILLS}`,
    ),
    ...[
      ['(p / 10) % 5 + 1', '50 + (p / 10) % 50'],
      ['(p / 10 + 2) % 5 + 1', '10 + (p / 10) % 40'],
    ].map(([skill, weight]) =>
      insert('agentqueueskill', { agentid: AGENT_ID, skillid: `5 * (t - 1) + ${skill}`, weight }, USERS, IS_AGENT),
    ),
    insert(
      'queueskillrule',
      {
        id: '2 * (t - 1) + r',
        tenant_uuid: TENANT_UUID,
        name: `'rule-' || r`,
        rule: `CASE r WHEN 1 THEN '$agent.english > 10;$agent.french > 5' ELSE 'WT < 60, $agent.billing > 20;$agent.support-l2 > 0' END`,
      },
      `${TENANTS} CROSS JOIN generate_series(1, 2) AS r`,
    ),
    extensionRows('group', GROUP_ID, INTERNAL_CONTEXT, '(2000 + g)::text', GROUP_ID, GROUPS),
    extensionRows('queue', QUEUE_ID, INTERNAL_CONTEXT, '(3000 + q)::text', QUEUE_ID, QUEUES),
  ];
}

function roomStatements() {
  const CONFERENCES = eachOf('conferences', 'c');
  return [
    insert(
      'conference',
      {
        id: 'conferences_base + c',
        tenant_uuid: TENANT_UUID,
        name: `'Room ' || c`,
        max_users: '50',
        record: 'c % 2 = 0',
        pin: `CASE WHEN c % 3 = 0 THEN lpad(c::text, 4, '0') END`,
        announce_join_leave: 'c % 4 = 0',
        music_on_hold: `CASE WHEN c % 2 = 1 THEN 'moh-t' || t END`,
        admin_pin: `CASE WHEN c % 5 = 0 THEN '9' || lpad(c::text, 3, '0') END`,
      },
      CONFERENCES,
    ),
    extensionRows('conference', 'conferences_base + c', INTERNAL_CONTEXT, '(4000 + c)::text', 'conferences_base + c', CONFERENCES),
    insert(
      'parking_lot',
      {
        id: 't',
        tenant_uuid: TENANT_UUID,
        name: `'Parking'`,
        slots_start: `'701'`,
        slots_end: `'750'`,
        timeout: '45',
        music_on_hold: `'moh-t' || t`,
      },
      TENANTS,
    ),
    extensionRows('parking', 't', INTERNAL_CONTEXT, `'700'`, 't', TENANTS),
  ];
}

function trunkAndOutcallStatements() {
  const TRUNKS = eachOf('trunks', 'k');
  return [
    insert(
      'trunkfeatures',
      {
        id: 'trunks_base + k',
        tenant_uuid: TENANT_UUID,
        endpoint_sip_uuid: TRUNK_UUID,
        registercommented: '0',
        description: `''`,
        context: INCALL_CONTEXT,
        outgoing_caller_id_format: `'+E164'`,
        twilio_incoming: 'k = trunks',
      },
      TRUNKS,
    ),
    insert(
      'outcall',
      { id: 't', tenant_uuid: TENANT_UUID, name: `'out-t' || t`, context: OUTCALL_CONTEXT, internal: '0', commented: '0', description: `''` },
      TENANTS,
    ),
    insert('outcalltrunk', { outcallid: 't', trunkfeaturesid: 'trunks_base + k', priority: 'k - 1' }, TRUNKS),
    extensionRows('outcall', 't', OUTCALL_CONTEXT, `'_0X.'`, 't', TENANTS),
  ];
}

/** Where an incoming call or an IVR choice goes, by a number `n`: mostly users. */
function destination(n) {
  return {
    action: `(CASE ${n} % 10 WHEN 6 THEN 'group' WHEN 7 THEN 'queue' WHEN 8 THEN 'ivr' WHEN 9 THEN 'voicemail' ELSE 'user' END)::dialaction_action`,
    actionarg1: `CASE ${n} % 10
        WHEN 6 THEN (groups_base + ${n} % groups + 1)::text
        WHEN 7 THEN (queues_base + ${n} % queues + 1)::text
        WHEN 8 THEN (ivrs_base + ${n} % ivrs + 1)::text
        WHEN 9 THEN ${userAt(`${n} * 10`)}::text
        ELSE ${userAt(`${n} * 7`)}::text END`,
    actionarg2: `''`,
  };
}

function incallAndIvrStatements() {
  const INCALLS = eachOf('incalls', 'i');
  const IVRS = eachOf('ivrs', 'j');
  const CHOICES = `${IVRS} CROSS JOIN generate_series(1, 4) AS c`;
  const choiceId = '4 * (ivrs_base + j - 1) + c';
  return [
    insert('incall', { id: 'incalls_base + i', tenant_uuid: TENANT_UUID, commented: '0', description: `''` }, INCALLS),
    extensionRows('incall', 'incalls_base + i', INCALL_CONTEXT, '(4180000000 + t * 10000 + i)::text', 'incalls_base + i', INCALLS),
    insert(
      'dialaction',
      { event: `'answer'`, category: `'incall'`, categoryval: '(incalls_base + i)::text', ...destination('i') },
      INCALLS,
    ),
    insert(
      'ivr',
      {
        id: 'ivrs_base + j',
        tenant_uuid: TENANT_UUID,
        name: `'ivr-t' || t || '-' || j`,
        greeting_sound: `CASE WHEN j % 2 = 1 THEN 'welcome-' || j END`,
        menu_sound: `'menu-' || j`,
        invalid_sound: `CASE WHEN j % 2 = 1 THEN 'invalid' END`,
        timeout: 'CASE WHEN j % 4 = 0 THEN 0 ELSE 5 END',
        max_tries: '3',
      },
      IVRS,
    ),
    insert('ivr_choice', { id: choiceId, ivr_id: 'ivrs_base + j', exten: 'c::text' }, CHOICES),
    insert(
      'dialaction',
      {
        event: `'ivr_choice'`,
        category: `'ivr_choice'`,
        categoryval: `(${choiceId})::text`,
        action: `(CASE c WHEN 1 THEN 'user' WHEN 2 THEN 'queue' WHEN 3 THEN 'group' ELSE 'extension' END)::dialaction_action`,
        actionarg1: `CASE c WHEN 1 THEN ${userAt('j * 13 + 1')}::text WHEN 2 THEN (queues_base + j % queues + 1)::text
            WHEN 3 THEN (groups_base + j % groups + 1)::text ELSE ${extenAt('j * 17')} END`,
        actionarg2: `CASE c WHEN 4 THEN ${INTERNAL_CONTEXT} ELSE '' END`,
      },
      CHOICES,
    ),
    ...[
      ['timeout', 'j % 2 = 1', `'voicemail'`, `${userAt('j * 10')}::text`],
      ['invalid', 'j % 2 = 0', `'sound'`, `'invalid-choice'`],
      ['abort', 'j % 3 = 0', `'endcall:hangup'`, 'NULL'],
    ].map(([event, condition, action, argument]) =>
      insert(
        'dialaction',
        { event: `'${event}'`, category: `'ivr'`, categoryval: '(ivrs_base + j)::text', action, actionarg1: argument, actionarg2: `''` },
        IVRS,
        condition,
      ),
    ),
  ];
}

function scheduleStatements() {
  const SCHEDULES = `${TENANTS} CROSS JOIN generate_series(1, 2) AS s`;
  const scheduleId = '2 * (t - 1) + s';
  return [
    insert(
      'schedule',
      {
        id: scheduleId,
        tenant_uuid: TENANT_UUID,
        name: `CASE s WHEN 1 THEN 'office-hours' ELSE 'support-hours' END`,
        timezone: `'Europe/Paris'`,
        fallback_action: `'none'`,
        commented: '0',
      },
      SCHEDULES,
    ),
    insert(
      'schedule_time',
      {
        id: `3 * (${scheduleId} - 1) + n`,
        schedule_id: scheduleId,
        mode: `(CASE n WHEN 3 THEN 'closed' ELSE 'opened' END)::schedule_time_mode`,
        hours: `CASE n WHEN 1 THEN '08:00-12:00' WHEN 2 THEN '13:30-18:00' END`,
        weekdays: `CASE n WHEN 3 THEN NULL ELSE '1-5' END`,
        monthdays: `CASE n WHEN 3 THEN '25' END`,
        months: `CASE n WHEN 3 THEN '12' END`,
        action: `CASE n WHEN 3 THEN 'voicemail'::dialaction_action END`,
        actionid: `CASE n WHEN 3 THEN (user_base + 2)::text END`,
        commented: '0',
      },
      `${SCHEDULES} CROSS JOIN generate_series(1, 3) AS n`,
    ),
    insert('schedule_path', { schedule_id: '2 * t - 1', path: `'incall'`, pathid: 'incalls_base + i' }, eachOf('incalls', 'i'), 'i % 2 = 1'),
    insert('schedule_path', { schedule_id: '2 * t', path: `'queue'`, pathid: QUEUE_ID }, QUEUES),
  ];
}

function filterPickupAndMeetingStatements() {
  const PICKUPS = eachOf('pickups', 'g');
  return [
    insert(
      'callfilter',
      {
        id: 'callfilters_base + c',
        tenant_uuid: TENANT_UUID,
        name: `'boss-t' || t || '-' || c`,
        type: `'bosssecretary'`,
        bosssecretary: `'secretary-simult'`,
        callfrom: `'all'`,
        ringseconds: '10',
        commented: '0',
        description: `''`,
      },
      eachOf('callfilters', 'c'),
    ),
    insert(
      'callfiltermember',
      {
        id: `2 * (${CALLFILTER_ID}) - 2 + p % 100`,
        callfilterid: CALLFILTER_ID,
        type: `'user'`,
        typeval: 'u::text',
        priority: 'p % 100',
        bstype: `(CASE p % 100 WHEN 1 THEN 'boss' ELSE 'secretary' END)::generic_bsfilter`,
        active: 'CASE p % 100 WHEN 2 THEN 1 ELSE 0 END',
      },
      USERS,
      `(${IS_BOSS}) OR (${IS_SECRETARY})`,
    ),
    insert(
      'pickup',
      { id: 'pickups_base + g', tenant_uuid: TENANT_UUID, name: `'pickup-t' || t || '-' || g`, commented: '0' },
      PICKUPS,
    ),
    // Ten members per pickup group; every other one may also pick up the group's calls.
    ...[
      ['member', 'true'],
      ['pickup', 'p % 2 = 0'],
    ].map(([category, condition]) =>
      insert(
        'pickupmember',
        { pickupid: 'pickups_base + p / 10 + 1', category: `'${category}'`, membertype: `'user'`, memberid: 'u' },
        USERS,
        `p < 10 * pickups AND ${condition}`,
      ),
    ),
    insert(
      'pickupmember',
      { pickupid: 'pickups_base + 1', category: `'pickup'`, membertype: `'group'`, memberid: 'groups_base + 1' },
      TENANTS,
    ),
    insert(
      'meeting',
      {
        uuid: uuidOf(`'meeting:' || t || ':' || m`),
        name: `'Meeting ' || m`,
        guest_endpoint_sip_uuid: GUEST_UUID,
        tenant_uuid: TENANT_UUID,
        created_at: `'2026-01-01 08:00:00+00'`,
        persistent: 'true',
        number: '(100000 + m)::text',
        require_authorization: 'false',
      },
      eachOf('meetings', 'm'),
    ),
  ];
}

export function routingStatements() {
  return [
    ...groupAndQueueStatements(),
    ...roomStatements(),
    ...trunkAndOutcallStatements(),
    ...incallAndIvrStatements(),
    ...scheduleStatements(),
    ...filterPickupAndMeetingStatements(),
  ];
}

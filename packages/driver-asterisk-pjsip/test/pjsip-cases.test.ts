import { generateFromSql } from '@wazo-confgend/testing';
import { describe, expect, it } from 'vitest';
import { PjsipConfDriver } from '../src/index.js';
import { pjsipBlocks } from './conf-equivalence.js';

const T1 = '11111111-0000-4000-8000-000000000001';
const T2 = '22222222-0000-4000-8000-000000000002';
const UDP = '00000000-0000-4000-8000-0000000000a1';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Rows shared by the cases: two tenants (T2 with recording sounds), one transport. */
const BASE = [
  `INSERT INTO tenant (uuid, record_start_announcement, record_stop_announcement) VALUES
     ('${T1}', NULL, ''), ('${T2}', 'beep-start', 'beep-stop')`,
  `INSERT INTO pjsip_transport (uuid, name) VALUES ('${UDP}', 'transport-udp')`,
  `INSERT INTO pjsip_transport_option (key, value, pjsip_transport_uuid) VALUES
     ('protocol', 'udp', '${UDP}'), ('local_net', '10.0.0.0/8', '${UDP}'), ('local_net', '192.168.0.0/16', '${UDP}')`,
];

/** An endpoint with its sections: `sections` maps a section type to [key, value] pairs. */
function endpoint(
  n: number,
  name: string,
  options: { label?: string; tenant?: string; template?: boolean; transport?: boolean; parents?: number[]; sections?: Record<string, [string, string][]> } = {},
): string[] {
  const statements = [
    `INSERT INTO endpoint_sip (uuid, label, name, tenant_uuid, transport_uuid, template) VALUES
       ('${uuid(n)}', ${options.label === undefined ? 'NULL' : `'${options.label}'`}, '${name}', '${options.tenant ?? T1}',
        ${options.transport ? `'${UDP}'` : 'NULL'}, ${options.template ? 'true' : 'false'})`,
  ];
  (options.parents ?? []).forEach((parent, priority) =>
    statements.push(
      `INSERT INTO endpoint_sip_template (child_uuid, parent_uuid, priority) VALUES ('${uuid(n)}', '${uuid(parent)}', ${priority})`,
    ),
  );
  Object.entries(options.sections ?? {}).forEach(([type, pairs], index) => {
    const section = uuid(n * 100 + index);
    statements.push(
      `INSERT INTO endpoint_sip_section (uuid, type, endpoint_sip_uuid) VALUES ('${section}', '${type}', '${uuid(n)}')`,
    );
    for (const [key, value] of pairs) {
      statements.push(
        `INSERT INTO endpoint_sip_section_option (key, value, endpoint_sip_section_uuid) VALUES ('${key}', '${value}', '${section}')`,
      );
    }
  });
  return statements;
}

describe('pjsip.conf from the database', () => {
  const generate = async (sql: string[]) => String(await generateFromSql(PjsipConfDriver, sql));

  /** The block of the endpoint section commented `; label` or named `[name]` first. */
  function blockOf(text: string, firstLine: string): string[] {
    const block = pjsipBlocks(text).find((lines) => lines[0] === firstLine);
    if (!block) throw new Error(`no block starting with ${firstLine} in:\n${text}`);
    return block.filter((line) => line !== '');
  }

  it('writes the required sections, the transports and three empty lines for a database without endpoints', async () => {
    expect(await generate(BASE)).toBe(
      '[global]\n\n\n[system]\n\n' +
        '[transport-udp]\ntype = transport\nprotocol = udp\nlocal_net = 10.0.0.0/8\nlocal_net = 192.168.0.0/16\n' +
        '\n\n\n',
    );
  });

  it('renders lines: application context, commented lines, voicemail-only aor, users, pickup groups', async () => {
    const text = await generate([
      ...BASE,
      ...endpoint(1, 'tpl', { template: true, transport: true, sections: { endpoint: [['allow', '!all,ulaw']] } }),
      ...endpoint(2, 'app', { parents: [1] }),
      ...endpoint(3, 'disabled', { label: 'off', sections: { auth: [['username', 'disabled']] } }),
      ...endpoint(4, 'zoé', { label: 'Zoé Ünïcode', tenant: T2 }),
      `INSERT INTO linefeatures (id, context, application_uuid, commented, endpoint_sip_uuid) VALUES
         (10, 'ctx', 'aaaaaaaa-0000-4000-8000-00000000000a', 0, '${uuid(2)}'),
         (11, 'ctx', NULL, 1, '${uuid(3)}'),
         (12, '', NULL, 0, '${uuid(4)}')`,
      `INSERT INTO voicemail (uniqueid, context, mailbox) VALUES (1, 'ctx', '1001'), (2, 'ctx', '1002')`,
      `INSERT INTO userfeatures (id, uuid, voicemailid, tenant_uuid, simultcalls, enableonlinerec) VALUES
         (1, 'u1', 1, '${T1}', 3, 1), (2, 'u2', 2, '${T1}', 5, 0), (3, 'u3', NULL, '${T2}', 5, 0)`,
      `INSERT INTO user_line (user_id, line_id, main_user, main_line) VALUES
         (2, 11, false, true), (1, 11, true, true), (3, 12, true, true)`,
      `INSERT INTO extensions (id, context, exten) VALUES (1, 'ctx', '1001'), (2, 'ctx', '1099')`,
      `INSERT INTO line_extension (line_id, extension_id, main_extension) VALUES (11, 2, false), (11, 1, true)`,
      // user 3 is in group 10 (member) directly; user 1 reaches groups 3 and 10 through a ring
      // group and a queue (category pickup): Python's set prints them 10,3.
      `INSERT INTO pickup (id, tenant_uuid, name, commented) VALUES
         (3, '${T1}', 'p3', 0), (10, '${T1}', 'p10', 0), (11, '${T1}', 'p11', 1)`,
      `INSERT INTO groupfeatures (id, name) VALUES (7, 'grp')`,
      `INSERT INTO queuefeatures (id, name) VALUES (8, 'q')`,
      `INSERT INTO queuemember (queue_name, interface, usertype, userid) VALUES
         ('grp', 'PJSIP/disabled', 'user', 1), ('q', 'PJSIP/disabled', 'user', 1), ('q', 'Local/x', 'agent', 3)`,
      `INSERT INTO pickupmember (pickupid, category, membertype, memberid) VALUES
         (10, 'member', 'user', 3), (3, 'pickup', 'group', 7), (10, 'pickup', 'queue', 8), (11, 'member', 'user', 1)`,
    ]);

    // The line with a template comes first (upstream's ORDER BY template priority).
    expect(blockOf(text, '[app]')).toEqual([
      '[app]',
      'context = stasis-wazo-app-aaaaaaaa-0000-4000-8000-00000000000a',
      'allow = !all,ulaw',
      'transport = transport-udp',
      'type = endpoint',
      'set_var = __WAZO_TENANT_UUID=' + T1,
      'set_var = WAZO_CHANNEL_DIRECTION=from-wazo',
      'set_var = WAZO_LINE_ID=10',
      'set_var = TRANSFER_CONTEXT=ctx',
    ]);
    // Quirk kept: a commented line is still written.
    expect(blockOf(text, '; off')).toEqual([
      '; off',
      '[disabled]',
      'context = ctx',
      'named_call_group = 10,3',
      'mailboxes = 1001@ctx,1002@ctx',
      'aors = disabled',
      'auth = disabled',
      'type = endpoint',
      'set_var = __WAZO_TENANT_UUID=' + T1,
      'set_var = WAZO_CHANNEL_DIRECTION=from-wazo',
      'set_var = WAZO_LINE_ID=11',
      'set_var = TRANSFER_CONTEXT=ctx',
      'set_var = XIVO_USERID=1',
      'set_var = WAZO_USERID=1',
      'set_var = XIVO_USERUUID=u1',
      'set_var = WAZO_USERUUID=u1',
      'set_var = WAZO_USER_DTMF_RECORD_TOGGLE_ENABLED=1',
      'set_var = WAZO_CALLER_SIMULTCALLS=3',
      'set_var = XIVO_USERID=2',
      'set_var = WAZO_USERID=2',
      'set_var = XIVO_USERUUID=u2',
      'set_var = WAZO_USERUUID=u2',
      'set_var = WAZO_CALLER_SIMULTCALLS=5',
      'set_var = PICKUPMARK=1001%ctx',
    ]);
    // Voicemail alone makes an aor section.
    expect(blockOf(text, '[disabled]')).toEqual(['[disabled]', 'mailboxes = 1001@ctx,1002@ctx', 'type = aor']);
    // No context, the tenant's recording sounds, a UTF-8 name and label passed through.
    expect(blockOf(text, '; Zoé Ünïcode')).toEqual([
      '; Zoé Ünïcode',
      '[zoé]',
      'named_pickup_group = 10',
      'type = endpoint',
      'set_var = __WAZO_TENANT_UUID=' + T2,
      'set_var = WAZO_CHANNEL_DIRECTION=from-wazo',
      'set_var = WAZO_LINE_ID=12',
      'set_var = XIVO_USERID=3',
      'set_var = WAZO_USERID=3',
      'set_var = XIVO_USERUUID=u3',
      'set_var = WAZO_USERUUID=u3',
      'set_var = WAZO_CALLER_SIMULTCALLS=5',
      'set_var = __WAZO_RECORDING_START_SOUND=beep-start',
      'set_var = __WAZO_RECORDING_STOP_SOUND=beep-stop',
    ]);
    // Upstream's joined query sorts by template priority (NULLs last), then main extension and
    // main user descending (NULLs first): the templated line, then the line without extension.
    expect(text.indexOf('[app]')).toBeLessThan(text.indexOf('; Zoé Ünïcode'));
    expect(text.indexOf('; Zoé Ünïcode')).toBeLessThan(text.indexOf('; off'));
    expect(text.endsWith('[disabled]\nusername = disabled\ntype = auth\n\n\n')).toBe(true);
  });

  it('renders trunks: sections in upstream order, empty ones skipped, one writer for all trunks', async () => {
    const text = await generate([
      ...BASE,
      ...endpoint(1, 'full', {
        label: 'Full',
        sections: {
          registration: [['server_uri', 'sip:p']],
          registration_outbound_auth: [['username', 'r']],
          outbound_auth: [['username', 'o']],
          identify: [['match', '1.2.3.4']],
          auth: [['username', 'a']],
          aor: [['contact', 'sip:p']],
        },
      }),
      ...endpoint(2, 'plain', { tenant: T2 }),
      `INSERT INTO trunkfeatures (id, tenant_uuid, endpoint_sip_uuid, context) VALUES
         (1, '${T1}', '${uuid(1)}', 'from-extern'), (2, '${T2}', '${uuid(2)}', NULL)`,
    ]);
    const trunks = text.slice(text.indexOf('; Full'));
    expect(trunks.split('\n').filter((line) => line.startsWith('[') || line.startsWith(';'))).toEqual([
      '; Full',
      '[full]',
      '[full]',
      '[full]',
      '[full]',
      '[outbound_auth_full]',
      '[auth_reg_full]',
      '[full]',
      '[plain]',
    ]);
    expect(blockOf(text, '[auth_reg_full]')).toEqual(['[auth_reg_full]', 'username = r', 'type = auth']);
    expect(trunks.endsWith('outbound_auth = auth_reg_full\n\n[plain]\ntype = endpoint\n' +
      `set_var = __WAZO_TENANT_UUID=${T2}\nset_var = WAZO_PAI_FORMAT=\n` +
      'set_var = __WAZO_RECORDING_START_SOUND=beep-start\nset_var = __WAZO_RECORDING_STOP_SOUND=beep-stop\n\n')).toBe(true);
  });

  it('renders meeting guests after the trunks, with the meeting name and uuid', async () => {
    const text = await generate([
      ...BASE,
      ...endpoint(1, 'guest', { label: 'guest', transport: true }),
      `INSERT INTO meeting (uuid, name, guest_endpoint_sip_uuid, tenant_uuid, number) VALUES
         ('${uuid(9)}', NULL, '${uuid(1)}', '${T1}', '1')`,
    ]);
    expect(text.endsWith(
      '\n\n\n; guest\n[guest]\ntransport = transport-udp\ntype = endpoint\n' +
        `set_var = __WAZO_TENANT_UUID=${T1}\nset_var = WAZO_CHANNEL_DIRECTION=from-wazo\n` +
        `set_var = WAZO_MEETING_UUID=${uuid(9)}\nset_var = WAZO_MEETING_NAME=None\n`,
    )).toBe(true);
  });

  it('resolves the dataset edge cases upstream has: template lines, non-template parents, empty and odd values', async () => {
    const text = await generate([
      `INSERT INTO tenant (uuid, record_start_announcement, record_stop_announcement) VALUES
         ('${T1}', ' padded-start ', NULL)`,
      // A line whose endpoint is a template: not written itself, but a child inherits the built
      // endpoint of that line's resolver, line defaults included.
      ...endpoint(1, 'line-tpl', { template: true, sections: { endpoint: [['language', 'fr_FR']] } }),
      ...endpoint(2, 'child', { label: '', parents: [1] }),
      // A non-template parent reached only as a template: written among the lines with the plain
      // tenant default.
      ...endpoint(3, 'plain-parent', { sections: { endpoint: [['allow', 'ulaw']] } }),
      ...endpoint(4, 'kid', { parents: [3], sections: { endpoint: [['callerid', '']] } }),
      `INSERT INTO linefeatures (id, context, application_uuid, commented, endpoint_sip_uuid) VALUES
         (1, 'tpl-ctx', NULL, 0, '${uuid(1)}'),
         (2, 'ctx', '', 0, '${uuid(2)}'),
         (4, 'ctx', NULL, 0, '${uuid(4)}'),
         (5, 'ctx', NULL, 0, NULL)`,
      `INSERT INTO userfeatures (id, uuid, voicemailid, tenant_uuid, simultcalls, enableonlinerec) VALUES
         (1, 'u1', NULL, '${T1}', 5, 2), (2, 'u2', NULL, '${T1}', 5, 0)`,
      // User 2's main line is line 5 (not SIP); line 4 is a secondary line: only the user member
      // reaches it, group members reach main lines only.
      `INSERT INTO user_line (user_id, line_id, main_user, main_line) VALUES
         (1, 2, true, true), (2, 4, true, false), (2, 5, true, true)`,
      // A commented extension still names the pickup mark; no main extension: the first row.
      `INSERT INTO extensions (id, commented, context, exten) VALUES (1, 1, 'ctx', '2001'), (2, 0, 'ctx', '2002')`,
      `INSERT INTO line_extension (line_id, extension_id, main_extension) VALUES (2, 1, false), (2, 2, false)`,
      // Ids 1 and 9 share a slot of Python's set table: added in ascending order they print 1,9.
      `INSERT INTO pickup (id, tenant_uuid, name, commented) VALUES
         (1, '${T1}', 'p1', 0), (9, '${T1}', 'p9', 0), (4, '${T1}', 'p4', 0)`,
      `INSERT INTO groupfeatures (id, name) VALUES (7, 'grp')`,
      `INSERT INTO queuemember (queue_name, interface, usertype, userid) VALUES ('grp', 'PJSIP/kid', 'user', 2)`,
      `INSERT INTO pickupmember (pickupid, category, membertype, memberid) VALUES
         (9, 'member', 'user', 2), (1, 'member', 'user', 2), (4, 'pickup', 'group', 7)`,
    ]);

    expect(text).not.toContain('[line-tpl]');
    // Empty label: no comment line. The empty application leaves the line's context first, but the
    // inherited line's context comes later in the list and wins (first position, last value).
    expect(blockOf(text, '[child]')).toEqual([
      '[child]',
      'context = tpl-ctx',
      'language = fr_FR',
      'type = endpoint',
      'set_var = __WAZO_TENANT_UUID=' + T1,
      'set_var = WAZO_CHANNEL_DIRECTION=from-wazo',
      'set_var = WAZO_LINE_ID=2',
      'set_var = TRANSFER_CONTEXT=ctx',
      'set_var = XIVO_USERID=1',
      'set_var = WAZO_USERID=1',
      'set_var = XIVO_USERUUID=u1',
      'set_var = WAZO_USERUUID=u1',
      'set_var = WAZO_USER_DTMF_RECORD_TOGGLE_ENABLED=1',
      'set_var = WAZO_CALLER_SIMULTCALLS=5',
      'set_var = PICKUPMARK=2001%ctx',
      // The writer strips the whole line, so only the trailing space of the value goes.
      'set_var = __WAZO_RECORDING_START_SOUND= padded-start',
      'set_var = WAZO_LINE_ID=1',
      'set_var = TRANSFER_CONTEXT=tpl-ctx',
    ]);
    expect(blockOf(text, '[plain-parent]')).toEqual([
      '[plain-parent]',
      'allow = ulaw',
      'type = endpoint',
      'set_var = __WAZO_TENANT_UUID=' + T1,
    ]);
    // An empty callerid adds no XIVO_ORIGINAL_CALLER_ID; the secondary line gets the user member's
    // groups (in Python set order) but not the group member's.
    expect(blockOf(text, '[kid]')).toEqual([
      '[kid]',
      'context = ctx',
      'named_pickup_group = 1,9',
      'allow = ulaw',
      'type = endpoint',
      'callerid =',
      'set_var = __WAZO_TENANT_UUID=' + T1,
      'set_var = WAZO_CHANNEL_DIRECTION=from-wazo',
      'set_var = WAZO_LINE_ID=4',
      'set_var = TRANSFER_CONTEXT=ctx',
      'set_var = XIVO_USERID=2',
      'set_var = WAZO_USERID=2',
      'set_var = XIVO_USERUUID=u2',
      'set_var = WAZO_USERUUID=u2',
      'set_var = WAZO_CALLER_SIMULTCALLS=5',
      'set_var = __WAZO_RECORDING_START_SOUND= padded-start',
    ]);
  });

  it('reads options in physical order when edits interleave endpoints, and writes no endpoint nothing uses', async () => {
    const text = await generate([
      ...BASE,
      ...endpoint(1, 'a', { sections: { endpoint: [['callerid', 'A'], ['allow', 'ulaw']] } }),
      ...endpoint(2, 'b', { sections: { endpoint: [['allow', 'alaw']] } }),
      ...endpoint(3, 'orphan', { sections: { endpoint: [['allow', 'g722']] } }),
      `INSERT INTO linefeatures (id, context, commented, endpoint_sip_uuid) VALUES
         (20, 'ctx', 0, '${uuid(1)}'), (21, 'ctx', 0, '${uuid(2)}')`,
      // The edited row moves to the end of the table: after the options of b and of the orphan.
      `UPDATE endpoint_sip_section_option SET value = 'A2' WHERE key = 'callerid'`,
    ]);
    expect(blockOf(text, '[a]')).toEqual([
      '[a]',
      'context = ctx',
      'allow = ulaw',
      'callerid = A2',
      'type = endpoint',
      'set_var = __WAZO_TENANT_UUID=' + T1,
      'set_var = WAZO_CHANNEL_DIRECTION=from-wazo',
      'set_var = WAZO_LINE_ID=20',
      'set_var = TRANSFER_CONTEXT=ctx',
      'set_var = XIVO_ORIGINAL_CALLER_ID=A2',
    ]);
    expect(blockOf(text, '[b]')).toContain('allow = alaw');
    expect(text).not.toContain('orphan');
    expect(text).not.toContain('g722');
  });
});

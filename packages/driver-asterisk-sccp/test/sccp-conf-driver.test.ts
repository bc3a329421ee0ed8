import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@wazo-confgend/dao/testing';
import { driverConfig, generateWithDriver } from '@wazo-confgend/testing';
import { SccpConfDriver } from '../src/index.js';
import {
  TABLES,
  TENANT_B,
  customKey,
  device,
  insert,
  pickup,
  pickupMember,
  sccpUser,
  setting,
  voicemail,
  voicemailConsult,
} from './sccp-rows.js';

const GUEST_DEVICE = '\n[guest](xivo_device_tpl)\ntype = device\nline = guestline\n\n';
const GUEST_LINE = '\n[guestline](xivo_line_tpl)\ntype = line\ncontext = xivo-initconfig\ncid_name = Autoprov\ncid_num = autoprov\n\n';

/** The file's layout with the given options and sections: every part as upstream's writers leave it. */
const file = (parts: { general?: string; devices?: string; line?: string; lines?: string; speeddials?: string }) =>
  `[general]\n${parts.general ?? ''}\n` +
  `[xivo_device_tpl](!)\nvmexten = *98\n\n${GUEST_DEVICE}${parts.devices ?? ''}` +
  `[xivo_line_tpl](!)\n${parts.line ?? ''}setvar = TIMEOUT(absolute)=36000\n\n${GUEST_LINE}${parts.lines ?? ''}` +
  (parts.speeddials ?? '');

const uuid = (id: number) => `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`;

/** The section of a line made by `sccpUser` with the defaults, `extra` options before its context. */
const lineSection = (id: number, sccpId: number, name: string, extra = '', after = '', tenant = 'aaaaaaaa-0000-4000-8000-00000000000a') =>
  `\n[${name}](xivo_line_tpl)\ntype = line\ncid_name = User ${id}\ncid_num = ${name}\n` +
  `setvar = XIVO_ORIGINAL_CALLER_ID="User ${id}" <${name}>\nsetvar = XIVO_USERID=${id}\nsetvar = WAZO_USERID=${id}\n` +
  `setvar = XIVO_USERUUID=${uuid(id)}\nsetvar = WAZO_USERUUID=${uuid(id)}\nsetvar = WAZO_TENANT_UUID=${tenant}\n` +
  `setvar = PICKUPMARK=${name}%ctx-internal\nsetvar = TRANSFER_CONTEXT=ctx-internal\n` +
  `setvar = WAZO_CHANNEL_DIRECTION=from-wazo\nsetvar = WAZO_LINE_ID=${sccpId}\nsetvar = WAZO_CALLER_SIMULTCALLS=5\n` +
  `${extra}context = ctx-internal\n${after}\n`;

describe('SccpConfDriver', () => {
  const database = useTestDatabase({ beforeAll, afterAll });
  const generate = () => generateWithDriver(SccpConfDriver, driverConfig(), database.dataSource);
  const insertRows = async (...statements: (string | string[])[]) => {
    for (const statement of statements.flat()) await database.execute(statement);
  };

  afterEach(async () => {
    await database.execute(`TRUNCATE ${TABLES.join(', ')}`);
  });

  it('writes the templates and the guest sections from empty tables', async () => {
    await insertRows(voicemailConsult());
    expect(await generate()).toBe(
      '[general]\n\n' +
        '[xivo_device_tpl](!)\nvmexten = *98\n\n\n[guest](xivo_device_tpl)\ntype = device\nline = guestline\n\n' +
        '[xivo_line_tpl](!)\nsetvar = TIMEOUT(absolute)=36000\n\n\n' +
        '[guestline](xivo_line_tpl)\ntype = line\ncontext = xivo-initconfig\ncid_name = Autoprov\ncid_num = autoprov\n\n',
    );
  });

  it('fails without the vmusermsg feature extension, as upstream does', async () => {
    await insertRows(setting(1, 'guest', 'no'));
    await expect(generate()).rejects.toThrow(/vmusermsg/);
  });

  it('takes vmexten from the first vmusermsg row in physical order, enabled or not', async () => {
    await insertRows(
      insert('feature_extension', { feature: 'vmusermsg', exten: '*97', enabled: true }),
      insert('feature_extension', { feature: 'vmusermsg', exten: '*96', enabled: false }),
      `UPDATE feature_extension SET enabled = false WHERE exten = '*97'`,
    );
    expect(await generate()).toContain('[xivo_device_tpl](!)\nvmexten = *96\n\n');
  });

  it('splits the general settings into general, device and line options, in physical order', async () => {
    await insertRows(
      voicemailConsult(),
      setting(1, 'guest', 'yes'),
      setting(2, 'dateformat', 'D.M.Y'),
      setting(3, 'directmedia', 'yes'),
      setting(4, 'tos_audio', 'ef'),
      setting(5, 'disallow', 'all'),
      setting(6, 'allow', 'ulaw,alaw'),
      setting(7, 'keepalive', '10'),
      setting(8, 'context', 'ctx'),
      setting(9, 'max_guests', '10'),
      setting(10, 'dialtimeout', '5'),
      `UPDATE sccpgeneralsettings SET option_value = '3' WHERE id = 10`,
      `UPDATE sccpgeneralsettings SET option_value = 'no' WHERE id = 1`,
    );
    expect(await generate()).toBe(
      '[general]\nmax_guests = 10\nguest = no\n\n' +
        '[xivo_device_tpl](!)\ndateformat = D.M.Y\nkeepalive = 10\ndialtimeout = 3\nvmexten = *98\n\n' +
        GUEST_DEVICE +
        '[xivo_line_tpl](!)\ndirectmedia = 1\ntos_audio = ef\ndisallow = all\nallow = ulaw,alaw\ncontext = ctx\n' +
        'setvar = TIMEOUT(absolute)=36000\n\n' +
        GUEST_LINE,
    );
  });

  it('prints directmedia 0 only for no, and skips an empty allow', async () => {
    await insertRows(voicemailConsult(), setting(1, 'directmedia', 'no'), setting(2, 'allow', ''), setting(3, 'directmedia', 'nonsense'));
    expect(await generate()).toBe(file({ line: 'directmedia = 0\ndirectmedia = 1\n' }));
  });

  it('writes a device without a line, and one whose line has no user, without line or voicemail', async () => {
    await insertRows(voicemailConsult(), device(1, 'SEPAAAAAAAAAAAA'), device(2, 'SEPBBBBBBBBBBBB', 'nobody'));
    expect(await generate()).toBe(
      file({
        devices:
          '\n[SEPAAAAAAAAAAAA](xivo_device_tpl)\ntype = device\n\n' +
          '\n[SEPBBBBBBBBBBBB](xivo_device_tpl)\ntype = device\nline = nobody\n\n',
      }),
    );
  });

  it("writes devices in physical order with the line main user's mailbox", async () => {
    await insertRows(
      voicemailConsult(),
      voicemail(7, '1001'),
      sccpUser({ id: 1, sccpId: 11, name: '1001', voicemailId: 7 }),
      device(1, 'SEP000000000001', '1001'),
      device(2, 'SEP000000000002'),
      `UPDATE sccpdevice SET device = device WHERE id = 1`,
    );
    expect(await generate()).toBe(
      file({
        devices:
          '\n[SEP000000000002](xivo_device_tpl)\ntype = device\n\n' +
          '\n[SEP000000000001](xivo_device_tpl)\ntype = device\nline = 1001\nvoicemail = 1001\n\n',
        lines: lineSection(1, 11, '1001'),
      }),
    );
  });

  it('writes a device once per distinct mailbox when its line name matches several lines', async () => {
    await insertRows(
      voicemailConsult(),
      voicemail(7, '2001'),
      sccpUser({ id: 1, sccpId: 11, name: 'shared', exten: '2001', voicemailId: 7 }),
      sccpUser({ id: 2, sccpId: 12, name: 'shared', exten: '2002', tenant: TENANT_B, voicemailId: 7 }),
      sccpUser({ id: 3, sccpId: 13, name: 'shared', exten: '2003' }),
      device(1, 'SEP000000000001', 'shared'),
    );
    const devices = (await generate()).split('[xivo_line_tpl]')[0];
    expect(devices).toBe(
      '[general]\n\n[xivo_device_tpl](!)\nvmexten = *98\n\n' +
        GUEST_DEVICE +
        '\n[SEP000000000001](xivo_device_tpl)\ntype = device\nline = shared\nvoicemail = 2001\n\n' +
        '\n[SEP000000000001](xivo_device_tpl)\ntype = device\nline = shared\n\n',
    );
  });

  it('writes the enabled lines of main users with a main extension, of every tenant, in physical order', async () => {
    await insertRows(
      voicemailConsult(),
      sccpUser({ id: 1, sccpId: 21, name: '1001' }),
      sccpUser({ id: 2, sccpId: 22, name: '1002', tenant: TENANT_B }),
      sccpUser({ id: 3, sccpId: 23, name: '1003', commented: 1 }),
      sccpUser({ id: 4, sccpId: 24, name: '1004', mainUser: false }),
      sccpUser({ id: 5, sccpId: 25, name: '1005', mainExtension: false }),
      `UPDATE sccpline SET cid_name = cid_name WHERE id = 21`,
    );
    expect(await generate()).toBe(
      file({ lines: lineSection(2, 22, '1002', '', '', TENANT_B) + lineSection(1, 21, '1001') }),
    );
  });

  it('adds recording, language, codecs and pickup groups to a line only when set', async () => {
    await insertRows(
      voicemailConsult(),
      sccpUser({ id: 1, sccpId: 11, name: '1001', enableonlinerec: 1, language: 'fr_FR', disallow: 'all', allow: 'ulaw' }),
      sccpUser({ id: 2, sccpId: 12, name: '1002', language: '', disallow: '', allow: '' }),
    );
    expect(await generate()).toBe(
      file({
        lines:
          lineSection(1, 11, '1001', 'setvar = DYNAMIC_FEATURES=togglerecord\nlanguage = fr_FR\n', 'disallow = all\nallow = ulaw\n') +
          lineSection(2, 12, '1002'),
      }),
    );
  });

  it("joins a line's pickup groups in Python set order, call groups first, commented groups left out", async () => {
    await insertRows(
      voicemailConsult(),
      sccpUser({ id: 1, sccpId: 11, name: '1001' }),
      pickup(3),
      pickup(10),
      pickup(4),
      pickup(5, 1),
      pickupMember(10, 'member', 'user', 1),
      pickupMember(3, 'member', 'user', 1),
      pickupMember(5, 'member', 'user', 1),
      pickupMember(4, 'pickup', 'user', 1),
    );
    expect(await generate()).toBe(
      file({ lines: lineSection(1, 11, '1001', '', 'namedcallgroup = 4\nnamedpickupgroup = 10,3\n') }),
    );
  });

  it('brings the main line of group and queue members into their pickup groups', async () => {
    await insertRows(
      voicemailConsult(),
      sccpUser({ id: 1, sccpId: 11, name: '1001' }),
      insert('groupfeatures', { id: 1, name: 'grp' }),
      insert('queuefeatures', { id: 1, name: 'q' }),
      insert('queuemember', { queue_name: 'grp', interface: 'SCCP/1001', usertype: 'user', userid: 1 }),
      insert('queuemember', { queue_name: 'q', interface: 'SCCP/1001', usertype: 'user', userid: 1 }),
      pickup(1),
      pickup(2),
      pickupMember(1, 'pickup', 'group', 1),
      pickupMember(2, 'pickup', 'queue', 1),
    );
    expect(await generate()).toContain('context = ctx-internal\nnamedcallgroup = 1,2\n\n');
  });

  it('lists speed dials on their device (matched by device id) by key number, and writes their sections in physical order', async () => {
    await insertRows(
      voicemailConsult(),
      sccpUser({ id: 1, sccpId: 11, name: '1001' }),
      device(1, 'SEP000000000001', '1001', 'device-1'),
      customKey(1, 100, 3, '100\t3;', 'Three\n;'),
      customKey(1, 101, 1, '1001', null, false),
      customKey(1, 102, 2, '1002', 'Two'),
      `UPDATE func_key_mapping SET blf = blf WHERE func_key_id = 101`,
    );
    expect(await generate()).toBe(
      file({
        devices:
          '\n[SEP000000000001](xivo_device_tpl)\ntype = device\nline = 1001\n' +
          'speeddial = 1-1\nspeeddial = 1-2\nspeeddial = 1-3\n\n',
        lines: lineSection(1, 11, '1001'),
        speeddials:
          '[1-3]\ntype = speeddial\nextension = 1003\nlabel = Three\nblf = 1\n\n' +
          '\n[1-2]\ntype = speeddial\nextension = 1002\nlabel = Two\nblf = 1\n\n' +
          '\n[1-1]\ntype = speeddial\nextension = 1001\nblf = 0\n\n',
      }),
    );
  });

  it('makes no speed dial of a disabled line, of a line without device, or of a key that is not custom', async () => {
    await insertRows(
      voicemailConsult(),
      sccpUser({ id: 1, sccpId: 11, name: '1001', commented: 1 }),
      device(1, 'SEP000000000001', '1001'),
      customKey(1, 100, 1, '*10', null),
      sccpUser({ id: 2, sccpId: 12, name: '1002' }),
      customKey(2, 200, 1, '*20', null),
      sccpUser({ id: 3, sccpId: 13, name: '1003' }),
      device(3, 'SEP000000000003', '1003'),
      insert('func_key_mapping', { template_id: 3, func_key_id: 300, destination_type_id: 1, position: 1 }),
    );
    const generated = await generate();
    expect(generated).not.toContain('speeddial');
    expect(generated.endsWith(lineSection(3, 13, '1003'))).toBe(true);
  });
});

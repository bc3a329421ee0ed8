import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isConfgendError } from '@wazo-confgend/core';
import { useTestDatabase } from '@wazo-confgend/dao/testing';
import { driverConfig, generateWithDriver } from '@wazo-confgend/testing';
import { ExtensionsConfDriver, SHIPPED_CONTEXTS_TEMPLATE } from '../src/index.js';
import {
  context,
  customEndpoint,
  extension,
  feature,
  funcKeyMapping,
  include,
  insertRow,
  line,
  lineExtension,
  REQUIRED_FEATURES,
  sccpLine,
  sipEndpoint,
  TENANT_A,
  TENANT_B,
  user,
  userLine,
} from './dialplan-rows.js';

/** A short template: `[type:internal]` tags each extension with its tenant, `[template]` with its context. */
const COMPACT_TEMPLATE = `[template]
exten = i,1,Playback(no-user-find)
objtpl = %%EXTEN%%,%%PRIORITY%%,NoOp(%%CONTEXT%%)

[type:internal]
include = xivo-features
objtpl = %%EXTEN%%,%%PRIORITY%%,Set(__WAZO_TENANT_UUID=%%TENANT_UUID%%)
objtpl = n,%%ACTION%%

[xivo-features]
objtpl = %%EXTEN%%,%%PRIORITY%%,%%ACTION%%
`;

const TABLES = [
  'context',
  'contextinclude',
  'extensions',
  'feature_extension',
  'userfeatures',
  'linefeatures',
  'user_line',
  'line_extension',
  'endpoint_sip',
  'sccpline',
  'usercustom',
  'func_key_mapping',
  'func_key_dest_service',
  'func_key_dest_forward',
  'func_key_dest_groupmember',
  'func_key_dest_agent',
  'func_key_dest_custom',
  'func_key_dest_conference',
  'func_key_dest_bsfilter',
  'callfilter',
  'callfiltermember',
  'conference',
  'ivr',
  'ivr_choice',
  'dialaction',
];

/** The extension block `[type:internal]` of the compact template gives. */
const internalBlock = (exten: string, tenant: string, action: string) =>
  `exten = ${exten},1,Set(__WAZO_TENANT_UUID=${tenant})\nsame  =     n,${action}\n\n`;

describe('ExtensionsConfDriver', () => {
  const database = useTestDatabase({ beforeAll, afterAll });
  let dir: string;
  let templatesDir: string;
  let compactTemplate: string;

  const generateWith = (config: Record<string, unknown>) =>
    generateWithDriver(ExtensionsConfDriver, driverConfig({ templates_dir: templatesDir, ...config }), database.dataSource);
  const generate = (contextsconf = compactTemplate) => generateWith({ templates: { contextsconf } });
  const failureOf = (run: Promise<unknown>) =>
    run.then(
      () => new Error('no error'),
      (error: unknown) => error as Error,
    );
  const execute = async (...statements: string[]) => {
    for (const statement of statements) await database.execute(statement);
  };
  const writeTemplate = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'extensions-conf-'));
    templatesDir = join(dir, 'operator-templates');
    await mkdir(join(templatesDir, 'asterisk', 'extensions'), { recursive: true });
    compactTemplate = await writeTemplate('compact.conf', COMPACT_TEMPLATE);
  });

  afterEach(async () => {
    await database.execute(`TRUNCATE ${TABLES.join(', ')}`);
    await rm(join(templatesDir, 'asterisk', 'extensions'), { recursive: true, force: true });
    await mkdir(join(templatesDir, 'asterisk', 'extensions'), { recursive: true });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  describe('contexts and extensions', () => {
    it('writes the shared-lines header and [xivo-features] alone when there is no context', async () => {
      await execute(...REQUIRED_FEATURES);
      expect(await generate()).toBe('[usersharedlines]\n[xivo-features]\n');
    });

    it('orders contexts and extensions by the C collation, across tenants, legacy and ctx-<tenant>-<uuid> names', async () => {
      const tenantContext = 'ctx-tenantb-internal-5c6f7a1e-0000-4000-8000-000000000001';
      await execute(
        ...REQUIRED_FEATURES,
        context(1, 'default', 'internal', TENANT_A),
        context(2, tenantContext, 'internal', TENANT_B),
        context(3, 'Zoo', 'internal', TENANT_B),
        extension(1, 'default', '1001', 'user', '101'),
        extension(2, 'default', '_1XX', 'group', '2'),
        extension(3, 'default', '*20', 'conference', '3'),
        extension(4, tenantContext, '2001', 'user', '201'),
        extension(5, 'Zoo', 'a', 'queue', '7'),
        extension(6, 'Zoo', 'B', 'queue', '8'),
      );
      expect(await generate()).toBe(
        '[usersharedlines]\n' +
          '\n[Zoo]\ninclude = xivo-features\n\n' +
          internalBlock('B', TENANT_B, 'GoSub(queue,s,1(8,))') +
          internalBlock('a', TENANT_B, 'GoSub(queue,s,1(7,))') +
          `\n\n[${tenantContext}]\ninclude = xivo-features\n\n` +
          internalBlock('2001', TENANT_B, 'GoSub(user,s,1(201,,4))') +
          '\n\n[default]\ninclude = xivo-features\n\n' +
          internalBlock('*20', TENANT_A, 'GoSub(conference,s,1(3,))') +
          internalBlock('1001', TENANT_A, 'GoSub(user,s,1(101,,1))') +
          internalBlock('_1XX', TENANT_A, 'GoSub(group,s,1(2,))') +
          '\n[xivo-features]\n',
      );
    });

    it('leaves out commented contexts and extensions, typeval 0, parking and extensions whose lines are all commented', async () => {
      await execute(
        ...REQUIRED_FEATURES,
        context(1, 'ctx-on'),
        context(2, 'ctx-off', 'internal', TENANT_A, 1),
        include('ctx-on', 'ctx-off', 0),
        include('ctx-off', 'ctx-on', 0),
        extension(1, 'ctx-on', '100', 'user', '4', 1),
        extension(2, 'ctx-on', '101', 'user', '0'),
        extension(3, 'ctx-on', '700', 'parking', '1'),
        extension(4, 'ctx-on', '102', 'user', '5'),
        extension(5, 'ctx-on', '103', 'user', '6'),
        extension(6, 'ctx-on', '104', 'user', '7'),
        extension(7, 'ctx-off', '200', 'user', '8'),
        line(1, 'l1', null, 1),
        line(2, 'l2', null, 1),
        line(3, 'l3', null),
        line(4, 'l4', null),
        line(5, 'l5', null),
        lineExtension(1, 4),
        lineExtension(2, 5),
        lineExtension(3, 5),
        lineExtension(4, 6),
        lineExtension(5, 6),
      );
      expect(await generate()).toBe(
        '[usersharedlines]\n' +
          '\n[ctx-on]\ninclude = xivo-features\ninclude = ctx-off\n\n' +
          internalBlock('103', TENANT_A, 'GoSub(user,s,1(6,,5))') +
          internalBlock('104', TENANT_A, 'GoSub(user,s,1(7,,6))') +
          '\n[xivo-features]\n',
      );
    });

    it('keeps an incall extension whose incall row is commented (upstream reads only the extension)', async () => {
      // The incall table is not read by the driver; it is created here to show the row it ignores.
      await execute(
        'CREATE TABLE incall (id integer PRIMARY KEY, commented integer NOT NULL DEFAULT 0)',
        'INSERT INTO incall (id, commented) VALUES (1, 1)',
        ...REQUIRED_FEATURES,
        context(1, 'from-extern', 'incall'),
        extension(1, 'from-extern', '5551234', 'incall', '1'),
      );
      try {
        expect(await generate(SHIPPED_CONTEXTS_TEMPLATE)).toBe(
          '[usersharedlines]\n' +
            '\n[from-extern]\n' +
            'exten = i,1,Playback(no-user-find)\nsame = n,Hangup()\n' +
            'exten = s,1,NoOp()\n' +
            'same = n,GotoIf($[${CHANNEL(channeltype)} = PJSIP]?:not-pjsip)\n' +
            'same = n,GotoIf($["${XIVO_DID_NEXT_EXTEN}" = ""]?:error-loop)\n' +
            'same = n,Set(XIVO_DID_NEXT_EXTEN=${CUT(CUT(PJSIP_HEADER(read,To),@,1),:,2)})\n' +
            'same = n,Set(XIVO_FROM_S=1)\n' +
            'same = n,Goto(from-extern,${XIVO_DID_NEXT_EXTEN},1)\n' +
            'same = n(not-pjsip),NoOp()\n' +
            'same = n,Log(ERROR, This s extension can only be used from a PJSIP channel)\n' +
            'same = n,Hangup()\n' +
            'same = n(error-loop),NoOp()\n' +
            'same = n,Log(ERROR, Dialplan loop detected. Got PJSIP header To: ${PJSIP_HEADER(read,To)})\n' +
            'same = n,Hangup()\n' +
            'exten = _+.,1,Goto(${EXTEN:1},1)\n\n' +
            'exten = 5551234,1,Set(__WAZO_BASE_CONTEXT=${CONTEXT})\n' +
            'same  =     n,Set(__XIVO_BASE_EXTEN=${EXTEN})\n' +
            'same  =     n,GoSub(contextlib,entry-exten-context,1)\n' +
            `same  =     n,Set(__WAZO_TENANT_UUID=${TENANT_A})\n` +
            'same  =     n,GotoIf(${XIVO_FROM_S}?:action)\n' +
            'same  =     n,CELGenUserEvent(XIVO_FROM_S)\n' +
            'same  =     n(action),GoSub(did,s,1(1,))\n\n' +
            '\n[xivo-features]\n',
        );
      } finally {
        await database.execute('DROP TABLE incall');
      }
    });

    it('writes a services context from [template], as upstream ships no [type:services]', async () => {
      await execute(...REQUIRED_FEATURES, context(1, 'svc', 'services'), extension(1, 'svc', '*99', 'user', '1'));
      expect(await generate(SHIPPED_CONTEXTS_TEMPLATE)).toBe(
        '[usersharedlines]\n' +
          '\n[svc]\nexten = i,1,Playback(no-user-find)\nsame = n,Hangup()\n\n' +
          'exten = *99,1,Playback(no-user-find)\nsame  =     n,Hangup()\n\n' +
          '\n[xivo-features]\n',
      );
    });

    it("uses a context's own section, drops [!name] contexts, fills %%CONTEXT%% and prepends [DEFAULT]", async () => {
      const path = await writeTemplate(
        'own-sections.conf',
        '[DEFAULT]\ninclude = common\n\n' +
          '[template]\nobjtpl = %%EXTEN%%,%%PRIORITY%%,NoOp(%%CONTEXT%%)\n\n' +
          '[special]\nexten = s,1,Goto(%%CONTEXT%%,start,1)\nobjtpl = %%EXTEN%%,%%PRIORITY%%,%%ACTION%%\n\n' +
          '[!hidden]\n\n' +
          '[xivo-features]\nobjtpl = %%EXTEN%%,%%PRIORITY%%,%%ACTION%%\n',
      );
      await execute(
        ...REQUIRED_FEATURES,
        context(1, 'special'),
        context(2, 'hidden'),
        context(3, 'plain', 'outcall'),
        include('special', 'hidden', 0),
        extension(1, 'special', '1', 'user', '3'),
        extension(2, 'hidden', '2', 'user', '4'),
        extension(3, 'plain', '3', 'outcall', '4'),
      );
      expect(await generate(path)).toBe(
        '[usersharedlines]\n' +
          '\n[plain]\ninclude = common\n\nexten = 3,1,NoOp(plain)\n\n' +
          '\n\n[special]\ninclude = common\nexten = s,1,Goto(special,start,1)\ninclude = hidden\n\n' +
          'exten = 1,1,GoSub(user,s,1(3,,1))\n\n' +
          '\n[xivo-features]\ninclude = common\n\n',
      );
    });

    it('orders includes by priority, ties in physical order (an updated row moves last)', async () => {
      await execute(
        ...REQUIRED_FEATURES,
        context(1, 'a'),
        include('a', 'x', 1),
        include('a', 'y', 0),
        include('a', 'z', 1),
        "UPDATE contextinclude SET priority = 1 WHERE include = 'x'",
      );
      expect(await generate()).toBe(
        '[usersharedlines]\n\n[a]\ninclude = xivo-features\ninclude = y\ninclude = z\ninclude = x\n\n\n[xivo-features]\n',
      );
    });
  });

  describe('queries', () => {
    it('issues as many queries for thirty contexts as for one', async () => {
      const contextRows = (from: number, to: number) =>
        Array.from({ length: to - from + 1 }, (_, index) => {
          const id = from + index;
          return [context(id, `ctx-${id}`), include(`ctx-${id}`, 'ctx-1', 0), extension(id, `ctx-${id}`, `${id}`, 'queue', '1')];
        }).flat();
      // Driver queries go through the session's entity manager; BEGIN and SET LOCAL do not.
      const queries = vi.spyOn(Object.getPrototypeOf(database.dataSource.manager) as { query: () => unknown }, 'query');
      try {
        await execute(...REQUIRED_FEATURES, ...contextRows(1, 1));
        await generate();
        const forOne = queries.mock.calls.length;
        expect(forOne).toBeGreaterThanOrEqual(10);
        queries.mockClear();
        await execute(...contextRows(2, 30));
        expect(await generate()).toContain('[ctx-30]');
        expect(queries.mock.calls.length).toBe(forOne);
      } finally {
        queries.mockRestore();
      }
    });
  });

  describe('[xivo-features]', () => {
    it('writes each plain option followed by an empty line, the features that have an action, then the forward shortcuts', async () => {
      const path = await writeTemplate(
        'features.conf',
        '[template]\n[xivo-features]\nexten = s,1,NoOp()\nsame = n,Hangup()\nobjtpl = %%EXTEN%%,%%PRIORITY%%,%%ACTION%%\n',
      );
      await execute(
        feature('callrecord', '*26'),
        feature('calluser', '_*7.'),
        feature('pickup', '_*8.', false),
        feature('fwdbusy', '_*23.'),
        feature('fwdrna', '_*22.'),
        feature('fwdunc', '_*21.'),
      );
      expect(await generate(path)).toBe(
        '[usersharedlines]\n[xivo-features]\n' +
          'exten = s,1,NoOp()\n\nsame = n,Hangup()\n\n' +
          'exten = *26,1,GoSub(callrecord,s,1() )\n\n' +
          'exten = _*21.,1,GoSub(feature_forward,s,1(unc,${EXTEN:3}))\n\n' +
          'exten = _*22.,1,GoSub(feature_forward,s,1(rna,${EXTEN:3}))\n\n' +
          'exten = _*23.,1,GoSub(feature_forward,s,1(busy,${EXTEN:3}))\n\n' +
          'exten = *23,1,Set(__WAZO_BASE_CONTEXT=${CONTEXT})\nexten = *23,n,Set(__XIVO_BASE_EXTEN=${EXTEN})\n' +
          'exten = *23,n,Gosub(feature_forward,s,1(busy))\n' +
          'exten = *22,1,Set(__WAZO_BASE_CONTEXT=${CONTEXT})\nexten = *22,n,Set(__XIVO_BASE_EXTEN=${EXTEN})\n' +
          'exten = *22,n,Gosub(feature_forward,s,1(rna))\n' +
          'exten = *21,1,Set(__WAZO_BASE_CONTEXT=${CONTEXT})\nexten = *21,n,Set(__XIVO_BASE_EXTEN=${EXTEN})\n' +
          'exten = *21,n,Gosub(feature_forward,s,1(unc))\n',
      );
    });

    it('fails without one of the forward features, as upstream does', async () => {
      await execute(feature('fwdbusy', '_*23.'), feature('fwdrna', '_*22.'));
      const error = await failureOf(generate());
      expect(isConfgendError(error) && error.code).toBe('WCG_ERR_GENERATION_FAILED');
      expect(error.message).toContain('fwdunc');
    });

    it('fails on a second phoneprogfunckey row once a context exists, as upstream does', async () => {
      await execute(...REQUIRED_FEATURES, feature('phoneprogfunckey', '_*735.', false), feature('phoneprogfunckey', '_*736.', false));
      expect(await generate()).toBe('[usersharedlines]\n[xivo-features]\n');
      await execute(context(1, 'a'));
      expect((await failureOf(generate())).message).toContain('2 phoneprogfunckey rows');
    });
  });

  describe('hints', () => {
    it("lists every user's lines in [usersharedlines] by line name, users without a line first, and user hints by endpoint", async () => {
      await execute(
        ...REQUIRED_FEATURES,
        context(1, 'c'),
        context(2, 'c2'),
        sipEndpoint('00000000-0000-4000-8000-0000000000a1', 'alice-ep'),
        sipEndpoint('00000000-0000-4000-8000-0000000000b2', 'bob-ep'),
        sipEndpoint('00000000-0000-4000-8000-0000000000c3', 'carol-ep'),
        sccpLine(12, 'SEP12'),
        customEndpoint(5, 'DAHDI/1'),
        user(1, 'u-1'),
        user(2, 'u-2', { enablehint: 0 }),
        user(3, 'u-3'),
        user(4, 'u-4'),
        user(5, 'u-5'),
        line(11, 'alice-line', { sip: '00000000-0000-4000-8000-0000000000a1' }),
        line(12, 'sccp-line', { sccp: 12 }),
        line(21, 'bob-line', { sip: '00000000-0000-4000-8000-0000000000b2' }),
        line(31, 'carol-line', { sip: '00000000-0000-4000-8000-0000000000c3' }, 1),
        line(51, 'custom-line', { custom: 5 }),
        line(52, 'ghost', null),
        userLine(1, 11),
        userLine(1, 12, true, false),
        userLine(2, 21),
        userLine(3, 31),
        userLine(5, 51),
        userLine(5, 52, true, false),
        extension(1, 'c', '1001', 'user', '1'),
        extension(2, 'c', '1002', 'user', '2'),
        extension(3, 'c', '1003', 'user', '3'),
        extension(5, 'c2', '1005', 'user', '5'),
        lineExtension(11, 1),
        lineExtension(21, 2),
        lineExtension(31, 3),
        lineExtension(51, 5),
      );
      expect(await generate()).toBe(
        '[usersharedlines]\n' +
          'exten = u-4,hint,Custom:u-4-mobile\n' +
          'exten = u-1,hint,Custom:u-1-mobile&PJSIP/alice-line&SCCP/sccp-line\n' +
          'exten = u-2,hint,Custom:u-2-mobile&PJSIP/bob-line\n' +
          'exten = u-3,hint,Custom:u-3-mobile&PJSIP/carol-line\n' +
          'exten = u-5,hint,Custom:u-5-mobile&custom-line&CUSTOM/ghost\n' +
          '\n[c]\ninclude = xivo-features\n\n' +
          internalBlock('1001', TENANT_A, 'GoSub(user,s,1(1,,1))') +
          internalBlock('1002', TENANT_A, 'GoSub(user,s,1(2,,2))') +
          'exten = 1001,hint,PJSIP/alice-ep&SCCP/SEP12\n' +
          '\n\n[c2]\ninclude = xivo-features\n\n' +
          internalBlock('1005', TENANT_A, 'GoSub(user,s,1(5,,5))') +
          'exten = 1005,hint,DAHDI/1\n' +
          '\n[xivo-features]\n',
      );
    });

    it('lists the users of every tenant with their commented lines in [usersharedlines], as upstream does', async () => {
      await execute(
        ...REQUIRED_FEATURES,
        user(1, 'u-a', { tenant: TENANT_A }),
        user(2, 'u-b', { tenant: TENANT_B }),
        line(1, 'off', { sip: '00000000-0000-4000-8000-0000000000a1' }, 1),
        userLine(1, 1),
        line(2, 'phone', { sccp: 7 }),
        userLine(2, 2),
      );
      expect(await generate()).toBe(
        '[usersharedlines]\nexten = u-a,hint,Custom:u-a-mobile&PJSIP/off\nexten = u-b,hint,Custom:u-b-mobile&SCCP/phone\n[xivo-features]\n',
      );
    });

    it('builds programmable key hints on the phoneprogfunckey extension, enabled or not, and on none without one', async () => {
      const dnd = '00000000-0000-4000-8000-000000000025';
      const rows = [
        ...REQUIRED_FEATURES,
        insertRow('feature_extension', { uuid: dnd, feature: 'enablednd', exten: '*25', enabled: false }),
        context(1, 'c'),
        user(1, 'u-1', { enablehint: 0 }),
        line(11, 'l', null),
        userLine(1, 11),
        extension(1, 'c', '1001', 'user', '1'),
        lineExtension(11, 1),
        insertRow('func_key_dest_service', { func_key_id: 1, feature_extension_uuid: dnd }),
        funcKeyMapping(1, 1, 5),
      ];
      const expected = (hint: string, features = '') =>
        '[usersharedlines]\nexten = u-1,hint,Custom:u-1-mobile&CUSTOM/l\n' +
        '\n[c]\ninclude = xivo-features\n\n' +
        internalBlock('1001', TENANT_A, 'GoSub(user,s,1(1,,1))') +
        hint +
        '\n[xivo-features]\n' +
        features;
      // A disabled service feature gives no hint: the key is only shown once its feature is enabled.
      await execute(...rows);
      expect(await generate()).toBe(expected(''));
      await execute("UPDATE feature_extension SET enabled = true WHERE feature = 'enablednd'");
      const dndFeature = 'exten = *25,1,GoSub(enablednd,s,1())\n\n';
      expect(await generate()).toBe(expected('exten = 1***225,hint,Custom:1***225\n', dndFeature));
      await execute(feature('phoneprogfunckey', '_*736.', false));
      expect(await generate()).toBe(expected('exten = *7361***225,hint,Custom:*7361***225\n', dndFeature));
    });

    it('adds conference, service, forward, group member, agent, boss-secretary and custom hints in that order, first one per extension', async () => {
      const uuids = { dnd: '00000000-0000-4000-8000-000000000025', unc: '00000000-0000-4000-8000-000000000021' };
      const toggles = { group: '00000000-0000-4000-8000-000000000050', agent: '00000000-0000-4000-8000-000000000030' };
      await execute(
        insertRow('feature_extension', { uuid: uuids.dnd, feature: 'enablednd', exten: '*25', enabled: true }),
        insertRow('feature_extension', { uuid: uuids.unc, feature: 'fwdunc', exten: '_*21.', enabled: true }),
        insertRow('feature_extension', { uuid: toggles.group, feature: 'groupmembertoggle', exten: '_*50.', enabled: true }),
        insertRow('feature_extension', { uuid: toggles.agent, feature: 'agentstaticlogtoggle', exten: '_*30.', enabled: true }),
        feature('fwdbusy', '_*23.', false),
        feature('fwdrna', '_*22.', false),
        // Disabled, yet the prefix of every programmable key hint.
        feature('phoneprogfunckey', '_*735.', false),
        feature('bsfilter', '_*37.'),
        context(1, 'c'),
        sipEndpoint('00000000-0000-4000-8000-0000000000a1', 'alice'),
        sipEndpoint('00000000-0000-4000-8000-0000000000b2', 'bob'),
        user(1, 'u-1', { template: 1 }),
        user(2, 'u-2', { template: 2, enablehint: 0 }),
        line(11, 'alice', { sip: '00000000-0000-4000-8000-0000000000a1' }),
        line(21, 'bob', { sip: '00000000-0000-4000-8000-0000000000b2' }),
        userLine(1, 11),
        // Not a main line: the keys of user 2 give no hint.
        userLine(2, 21, true, false),
        extension(1, 'c', '1001', 'user', '1'),
        extension(2, 'c', '4000', 'conference', '2'),
        extension(3, 'c', '1002', 'user', '2'),
        lineExtension(11, 1),
        lineExtension(21, 3),
        insertRow('conference', { id: 2, tenant_uuid: TENANT_A }),
        insertRow('func_key_dest_conference', { func_key_id: 11, conference_id: 2 }),
        insertRow('func_key_dest_conference', { func_key_id: 12, conference_id: 2 }),
        insertRow('func_key_dest_service', { func_key_id: 1, feature_extension_uuid: uuids.dnd }),
        funcKeyMapping(1, 1, 5),
        insertRow('func_key_dest_forward', { func_key_id: 2, feature_extension_uuid: uuids.unc, number: '5555' }),
        funcKeyMapping(1, 2, 6),
        insertRow('func_key_dest_forward', { func_key_id: 3, feature_extension_uuid: uuids.unc, number: null }),
        funcKeyMapping(1, 3, 6),
        insertRow('func_key_dest_groupmember', { func_key_id: 4, group_id: 7, feature_extension_uuid: toggles.group }),
        funcKeyMapping(1, 4, 13),
        insertRow('func_key_dest_agent', { func_key_id: 5, agent_id: 9, feature_extension_uuid: toggles.agent }),
        funcKeyMapping(1, 5, 11),
        insertRow('func_key_dest_custom', { func_key_id: 6, exten: '1001' }),
        funcKeyMapping(1, 6, 10),
        insertRow('func_key_dest_custom', { func_key_id: 7, exten: '*1234' }),
        funcKeyMapping(1, 7, 10, false),
        insertRow('func_key_dest_custom', { func_key_id: 8, exten: '4321' }),
        funcKeyMapping(1, 8, 10),
        insertRow('func_key_dest_custom', { func_key_id: 13, exten: '7777' }),
        funcKeyMapping(2, 13, 10),
        insertRow('callfilter', { id: 1, commented: 0 }),
        insertRow('callfilter', { id: 2, commented: 1 }),
        insertRow('callfiltermember', { id: 3, callfilterid: 1, typeval: '1' }),
        insertRow('callfiltermember', { id: 4, callfilterid: 2, typeval: '1' }),
        insertRow('func_key_dest_bsfilter', { func_key_id: 9, filtermember_id: 3 }),
        insertRow('func_key_dest_bsfilter', { func_key_id: 10, filtermember_id: 4 }),
      );
      expect(await generate()).toBe(
        '[usersharedlines]\n' +
          'exten = u-1,hint,Custom:u-1-mobile&PJSIP/alice\n' +
          'exten = u-2,hint,Custom:u-2-mobile&PJSIP/bob\n' +
          '\n[c]\ninclude = xivo-features\n\n' +
          internalBlock('1001', TENANT_A, 'GoSub(user,s,1(1,,1))') +
          internalBlock('1002', TENANT_A, 'GoSub(user,s,1(2,,3))') +
          internalBlock('4000', TENANT_A, 'GoSub(conference,s,1(2,))') +
          'exten = 1001,hint,PJSIP/alice\n' +
          'exten = 4000,hint,confbridge:2\n' +
          'exten = *7351***225,hint,Custom:*7351***225\n' +
          'exten = *7351***221*5555,hint,Custom:*7351***221*5555\n' +
          'exten = *7351***221,hint,Custom:*7351***221\n' +
          'exten = *7351***250*7,hint,Custom:*7351***250*7\n' +
          'exten = *7351***230***39,hint,Custom:*7351***230***39\n' +
          'exten = *373,hint,Custom:*373\n' +
          'exten = 4321,hint,Custom:4321\n' +
          '\n[xivo-features]\n' +
          'exten = *25,1,GoSub(enablednd,s,1())\n\n' +
          'exten = _*21.,1,GoSub(feature_forward,s,1(unc,${EXTEN:3}))\n\n' +
          'exten = _*30.,1,GoSub(agentstaticlogtoggle,s,1(${EXTEN:3}))\n\n' +
          'exten = _*37.,1,GoSub(bsfilter,s,1(${EXTEN:3}))\n\n' +
          'exten = _*50.,1,GoSub(group-member-toggle,s,1(${EXTEN:3}))\n\n' +
          'exten = *21,1,Set(__WAZO_BASE_CONTEXT=${CONTEXT})\nexten = *21,n,Set(__XIVO_BASE_EXTEN=${EXTEN})\n' +
          'exten = *21,n,Gosub(feature_forward,s,1(unc))\n',
      );
    });
  });

  describe('IVRs', () => {
    const ivr = (id: number, name: string, menuSound: string, extra: Record<string, string | number | null> = {}) =>
      insertRow('ivr', { id, tenant_uuid: TENANT_A, name, menu_sound: menuSound, ...extra });
    const dialaction = (event: string, category: string, categoryval: string, action: string, arg1: string | null, arg2: string | null) =>
      insertRow('dialaction', { event, category, categoryval, action, actionarg1: arg1, actionarg2: arg2 });

    it('renders the shipped template as Jinja does, "\\;" escape included', async () => {
      await execute(
        ...REQUIRED_FEATURES,
        ivr(1, 'menu', 'menu', { timeout: 0, max_tries: 2, invalid_sound: 'oops' }),
        insertRow('ivr_choice', { id: 10, ivr_id: 1, exten: '1' }),
        insertRow('ivr_choice', { id: 11, ivr_id: 1, exten: '2' }),
        dialaction('ivr_choice', 'ivr_choice', '10', 'extension', '1002', 'ctx;x'),
        dialaction('abort', 'ivr', '1', 'endcall:hangup', null, null),
      );
      expect(await generate()).toBe(
        '[usersharedlines]\n[xivo-features]\n' +
          '[xivo-ivr-1]\n' +
          'exten = s,1,Set(IVR_COUNTER=0)\n' +
          'same  =   n,Gosub(xivo-pickup,0,1)\n' +
          'same  =   n(start),Set(IVR_COUNTER=$[${IVR_COUNTER} + 1])\n' +
          'same  =   n,Background(menu)\n' +
          'same  =   n,Goto(t,1)\n\n\n' +
          'exten = 1,1,CELGenUserEvent(WAZO_IVR_CHOICE, {"id":1,"exten":"1"})\n' +
          'exten = 1,n,Gosub(forward,s,1(extension,1002,ctx\\;x))\n' +
          'same  =   n,Hangup()\n\n' +
          'exten = 2,1,CELGenUserEvent(WAZO_IVR_CHOICE, {"id":1,"exten":"2"})\n' +
          'exten = 2,n,Gosub(forward,s,1())\n' +
          'same  =   n,Hangup()\n\n\n' +
          'exten = t,1,NoOp()\n' +
          'same  =   n,GotoIf($[${IVR_COUNTER}>=2]?abort,1)\n' +
          'same  =   n,Goto(s,start)\n\n' +
          'exten = i,1,NoOp()\n' +
          'same  =   n,GotoIf($[${IVR_COUNTER}>=2]?abort,1)\n' +
          'same  =   n,Playback(oops)\n' +
          'same  =   n,Goto(s,start)\n\n' +
          'exten = abort,1,NoOp()\n' +
          'same  =   n,Gosub(forward,s,1(endcall:hangup,,))\n\n',
      );
    });

    it("prefers the operator's ivr-<id>.jinja, then the operator's ivr.jinja, in physical order of the IVRs", async () => {
      const overrides = join(templatesDir, 'asterisk', 'extensions');
      await writeFile(join(overrides, 'ivr-2.jinja'), "[custom-{{ ivr.id }}]\nexten = s,1,Playback({{ ivr.menu_sound | replace(';', '\\;') }})\n");
      await writeFile(join(overrides, 'ivr.jinja'), '{{ ivr.name }}:{{ ivr.id }}:{{ ivr.description }}\n');
      await execute(...REQUIRED_FEATURES, ivr(2, 'second', 'a;b'), ivr(3, 'third', 'm'), "UPDATE ivr SET name = 'second' WHERE id = 2");
      expect(await generate()).toBe('[usersharedlines]\n[xivo-features]\nthird:3:None\n[custom-2]\nexten = s,1,Playback(a\\;b)\n');
    });
  });

  describe('the contexts template file', () => {
    it('falls back to the shipped template when the built-in path is not installed', async () => {
      await execute(...REQUIRED_FEATURES, context(1, 'svc', 'services'));
      expect(await generateWith({ templates: { contextsconf: '/etc/wazo-confgend/templates/contexts.conf' } })).toBe(
        '[usersharedlines]\n\n[svc]\nexten = i,1,Playback(no-user-find)\nsame = n,Hangup()\n\n\n[xivo-features]\n',
      );
    });

    it('fails, naming the key and the path, when the named template does not exist', async () => {
      await execute(...REQUIRED_FEATURES);
      const missing = join(dir, 'missing.conf');
      const error = await failureOf(generate(missing));
      expect(isConfgendError(error) && error.code).toBe('WCG_ERR_GENERATION_FAILED');
      expect(error.message).toContain(missing);
      expect(error.message).toContain('templates.contextsconf');
    });

    it('fails on a template without [template] or [xivo-features], or with a line upstream cannot parse', async () => {
      await execute(...REQUIRED_FEATURES);
      expect((await failureOf(generate(await writeTemplate('no-template.conf', '[xivo-features]\n')))).message).toContain('no [template]');
      expect((await failureOf(generate(await writeTemplate('no-features.conf', '[template]\n')))).message).toContain('no [xivo-features]');
      const broken = await writeTemplate('broken.conf', '[template]\nexten = a\n  continued\n[xivo-features]\n');
      expect((await failureOf(generate(broken))).message).toMatch(/broken\.conf.*line 3/);
    });

    it('reads the template again on every generation', async () => {
      await execute(...REQUIRED_FEATURES);
      const path = await writeTemplate('changing.conf', '[template]\n[xivo-features]\n');
      const driver = new ExtensionsConfDriver(driverConfig({ templates: { contextsconf: path } }));
      expect(await database.run(() => driver.generate())).toBe('[usersharedlines]\n[xivo-features]\n');
      await writeFile(path, '[template]\n[xivo-features]\nexten = s,1,NoOp()\n');
      expect(await database.run(() => driver.generate())).toBe('[usersharedlines]\n[xivo-features]\nexten = s,1,NoOp()\n\n');
    });
  });
});

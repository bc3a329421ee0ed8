import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@wazo-confgend/dao/testing';
import { driverConfig, generateWithDriver } from '@wazo-confgend/testing';
import { QueuesConfDriver } from '../src/index.js';

/** The options a queue row gets from the schema defaults of its NOT NULL columns (`ringinuse` on). */
const FLAG_DEFAULTS = [
  'ringinuse = 0',
  'reportholdtime = 0',
  'timeoutrestart = 0',
  'timeoutpriority = app',
  'autofill = 1',
  'autopause = no',
  'setinterfacevar = 0',
  'setqueueentryvar = 0',
  'setqueuevar = 0',
  'min-announce-frequency = 60',
  'random-periodic-announce = 0',
  'announce-position = yes',
  'announce-position-limit = 5',
]
  .map((line) => `${line}\n`)
  .join('');

/** The options of a queue row that sets nothing but its name and category. */
const DEFAULT_OPTIONS = `timeout = 0\n${FLAG_DEFAULTS}`;

const TABLES = ['staticqueue', 'queue', 'queuemember', 'groupfeatures', 'queuefeatures', 'userfeatures'];

describe('QueuesConfDriver', () => {
  const database = useTestDatabase({ beforeAll, afterAll });
  const generate = () => generateWithDriver(QueuesConfDriver, driverConfig(), database.dataSource);
  const run = async (...statements: string[]) => {
    for (const statement of statements) await database.execute(statement);
  };

  const general = (id: number, name: string, value: string | null, { commented = 0, category = 'general' } = {}) =>
    `INSERT INTO staticqueue (id, commented, filename, category, var_name, var_val)
     VALUES (${id}, ${commented}, 'queues.conf', '${category}', '${name}', ${value === null ? 'NULL' : `'${value}'`})`;
  const queue = (name: string, category: 'group' | 'queue', commented = 0) =>
    `INSERT INTO queue (name, category, commented) VALUES ('${name}', '${category}', ${commented})`;
  const group = (id: number, name: string, label: string) =>
    `INSERT INTO groupfeatures (id, name, label) VALUES (${id}, '${name}', '${label}')`;
  const queueFeatures = (id: number, name: string, displayname: string) =>
    `INSERT INTO queuefeatures (id, name, displayname) VALUES (${id}, '${name}', '${displayname}')`;
  const user = (id: number, uuid: string, tenant = 't1') =>
    `INSERT INTO userfeatures (id, uuid, tenant_uuid) VALUES (${id}, '${uuid}', '${tenant}')`;
  const member = (
    queueName: string,
    iface: string,
    usertype: 'user' | 'agent',
    userid: number,
    position: number,
    { penalty = 0, commented = 0 } = {},
  ) =>
    `INSERT INTO queuemember (queue_name, interface, penalty, commented, usertype, userid, position)
     VALUES ('${queueName}', '${iface}', ${penalty}, ${commented}, '${usertype}', ${userid}, ${position})`;

  afterEach(async () => {
    for (const table of TABLES) await database.execute(`DELETE FROM ${table}`);
  });

  it('writes the general section alone when every table is empty', async () => {
    expect(await generate()).toBe('[general]\n');
  });

  it('lists enabled general rows in table order, skipping commented and other categories, NULL as None', async () => {
    await run(
      general(1, 'persistentmembers', 'yes'),
      general(2, 'autofill', 'no', { commented: 1 }),
      general(3, 'updatecdr', null),
      general(4, 'shared_lastcall', 'yes', { category: 'other' }),
      general(5, 'monitor-type', 'no'),
      `UPDATE staticqueue SET var_val = 'yes' WHERE id = 1`,
    );
    expect(await generate()).toBe('[general]\nupdatecdr = None\nmonitor-type = no\npersistentmembers = yes\n');
  });

  it('skips disabled queues and groups along with their members', async () => {
    await run(
      queue('off-queue', 'queue', 1),
      queueFeatures(1, 'off-queue', 'Off queue'),
      queue('off-group', 'group', 1),
      group(1, 'off-group', 'Off group'),
      member('off-queue', 'PJSIP/a', 'user', 0, 0),
      member('off-group', 'PJSIP/b', 'user', 0, 0),
      queue('on', 'queue'),
      queueFeatures(2, 'on', 'On'),
    );
    expect(await generate()).toBe(`[general]\n\n; On\n[on]\n${DEFAULT_OPTIONS}`);
  });

  it('labels a group by its label, a queue by its display name, and a queue without its row as unknown', async () => {
    await run(
      queue('sales', 'group'),
      group(1, 'sales', 'Sales Group'),
      queue('support', 'queue'),
      queueFeatures(1, 'support', 'Support Team'),
      // a name match of the other kind does not count
      queue('orphan', 'group'),
      queueFeatures(2, 'orphan', 'Not a group'),
      queue('nameless', 'queue'),
      queueFeatures(3, 'nameless', ''),
    );
    expect(await generate()).toBe(
      '[general]\n' +
        `\n; Sales Group\n[sales]\n${DEFAULT_OPTIONS}` +
        `\n; Support Team\n[support]\n${DEFAULT_OPTIONS}` +
        `\n; unknown\n[orphan]\n${DEFAULT_OPTIONS}` +
        `\n[nameless]\n${DEFAULT_OPTIONS}`,
    );
  });

  it('takes the label of the first group row in table order when two groups share the name', async () => {
    await run(
      queue('dup', 'group'),
      group(1, 'dup', 'First'),
      group(2, 'dup', 'Second'),
      `UPDATE groupfeatures SET label = 'First again' WHERE id = 1`,
    );
    expect(await generate()).toBe(`[general]\n\n; Second\n[dup]\n${DEFAULT_OPTIONS}`);
  });

  it('writes every set column in model order under its database name, integers raw, values unescaped', async () => {
    await run(
      `INSERT INTO queue VALUES ('full', 'moh', 'ann', 'ctx', 25, 'mixmonitor', 'wav', 'yan', 'tha', 'cw', 'ht', 'min',
        'sec', 'ty', 'rh', 'pa;x', 11, 12, 13, 'once', 14, 15, 16, 17, 'rrmemory', 'unavailable', 'paused', 1, 1, 18, 19,
        1, 0, 'queue', 'conf', 0, 'all', 1, 1, 1, 'macro', 20, 1, 'limit', 21, 'skillrule-3')`,
      queueFeatures(1, 'full', 'Full'),
    );
    expect(await generate()).toBe(
      '[general]\n\n; Full\n[full]\n' +
        'musicclass = moh\nannounce = ann\ncontext = ctx\ntimeout = 25\nmonitor-type = mixmonitor\nmonitor-format = wav\n' +
        'queue-youarenext = yan\nqueue-thereare = tha\nqueue-callswaiting = cw\nqueue-holdtime = ht\nqueue-minutes = min\n' +
        'queue-seconds = sec\nqueue-thankyou = ty\nqueue-reporthold = rh\nperiodic-announce = pa;x\nannounce-frequency = 11\n' +
        'periodic-announce-frequency = 12\nannounce-round-seconds = 13\nannounce-holdtime = once\nretry = 14\nwrapuptime = 15\n' +
        'maxlen = 16\nservicelevel = 17\nstrategy = rrmemory\njoinempty = unavailable\nleavewhenempty = paused\nringinuse = 1\n' +
        'reportholdtime = 1\nmemberdelay = 18\nweight = 19\ntimeoutrestart = 1\ntimeoutpriority = conf\nautofill = 0\n' +
        'autopause = all\nsetinterfacevar = 1\nsetqueueentryvar = 1\nsetqueuevar = 1\nmembermacro = macro\n' +
        'min-announce-frequency = 20\nrandom-periodic-announce = 1\nannounce-position = limit\nannounce-position-limit = 21\n' +
        'defaultrule = skillrule-3\n',
    );
  });

  it('leaves out NULL and empty-string columns but keeps zeros, and strips the option line', async () => {
    await run(
      queue('q', 'queue'),
      queueFeatures(1, 'q', 'Q'),
      `UPDATE queue SET timeout = NULL, musicclass = '', announce = 'tail  ', context = '   ', retry = 0, weight = NULL`,
    );
    expect(await generate()).toBe(`[general]\n\n; Q\n[q]\nannounce = tail\ncontext =\nretry = 0\n${FLAG_DEFAULTS}`);
  });

  it('lists user members as shared-lines Local channels and other members by interface, skipping agents and commented rows', async () => {
    await run(
      queue('grp', 'group'),
      group(1, 'grp', 'Group'),
      user(101, 'a1111111-1111-4111-8111-111111111111'),
      member('grp', 'PJSIP/alice', 'user', 101, 0, { penalty: 3 }),
      member('grp', 'Local/1001@ctx-internal', 'user', 0, 1),
      member('grp', 'PJSIP/ghost', 'user', 9999, 2, { penalty: 1 }),
      member('grp', 'Agent/8001', 'agent', 101, 3),
      member('grp', 'PJSIP/off', 'user', 101, 4, { commented: 1 }),
    );
    expect(await generate()).toBe(
      `[general]\n\n; Group\n[grp]\n${DEFAULT_OPTIONS}` +
        'member = Local/a1111111-1111-4111-8111-111111111111@usersharedlines,3,,hint:a1111111-1111-4111-8111-111111111111@usersharedlines\n' +
        'member = Local/1001@ctx-internal,0,,\n' +
        'member = PJSIP/ghost,1,,\n',
    );
  });

  it('orders members by position, then by physical order, each under its own queue', async () => {
    await run(
      queue('q1', 'queue'),
      queueFeatures(1, 'q1', 'One'),
      queue('q2', 'queue'),
      queueFeatures(2, 'q2', 'Two'),
      member('q1', 'PJSIP/c', 'user', 0, 5),
      member('q1', 'PJSIP/a', 'user', 0, 1),
      member('q2', 'PJSIP/z', 'user', 0, 0),
      member('q1', 'PJSIP/b', 'user', 0, 1),
      // the update moves PJSIP/a to the end of the heap, behind PJSIP/b at the same position
      `UPDATE queuemember SET penalty = 2 WHERE interface = 'PJSIP/a'`,
    );
    expect(await generate()).toBe(
      `[general]\n\n; One\n[q1]\n${DEFAULT_OPTIONS}member = PJSIP/b,0,,\nmember = PJSIP/a,2,,\nmember = PJSIP/c,0,,\n` +
        `\n; Two\n[q2]\n${DEFAULT_OPTIONS}member = PJSIP/z,0,,\n`,
    );
  });

  it('writes queues in physical order, not name order: an updated queue moves last', async () => {
    await run(
      queue('a-first', 'queue'),
      queueFeatures(1, 'a-first', 'A'),
      queue('b-second', 'queue'),
      queueFeatures(2, 'b-second', 'B'),
      `UPDATE queue SET retry = 5 WHERE name = 'a-first'`,
    );
    expect(await generate()).toBe(
      `[general]\n\n; B\n[b-second]\n${DEFAULT_OPTIONS}` +
        `\n; A\n[a-first]\ntimeout = 0\nretry = 5\n${FLAG_DEFAULTS}`,
    );
  });

  it('writes the queues and members of every tenant in one file', async () => {
    await run(
      queue('grp-t1', 'group'),
      group(1, 'grp-t1', 'Tenant one'),
      queue('grp-t2', 'group'),
      group(2, 'grp-t2', 'Tenant two'),
      user(1, 'u-one', 't1'),
      user(2, 'u-two', 't2'),
      member('grp-t1', 'PJSIP/one', 'user', 1, 0),
      member('grp-t2', 'PJSIP/two', 'user', 2, 0),
    );
    expect(await generate()).toBe(
      `[general]\n\n; Tenant one\n[grp-t1]\n${DEFAULT_OPTIONS}member = Local/u-one@usersharedlines,0,,hint:u-one@usersharedlines\n` +
        `\n; Tenant two\n[grp-t2]\n${DEFAULT_OPTIONS}member = Local/u-two@usersharedlines,0,,hint:u-two@usersharedlines\n`,
    );
  });
});

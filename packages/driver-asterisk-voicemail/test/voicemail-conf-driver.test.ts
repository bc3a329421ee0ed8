import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@wazo-confgend/dao/testing';
import { driverConfig, generateWithDriver } from '@wazo-confgend/testing';
import { VoicemailConfDriver } from '../src/index.js';

const HEAD = '[general]\n\n\n[zonemessages]\n\n';
const TAIL = '\n\n\n';

interface Box {
  id: number;
  context: string;
  mailbox: string;
  fullname?: string;
  password?: string | null;
  email?: string | null;
  pager?: string | null;
  language?: string | null;
  tz?: string | null;
  attach?: number | null;
  deletevoicemail?: number;
  maxmsg?: number | null;
  options?: string;
  commented?: number;
}

const literal = (value: string | number | null | undefined) =>
  value === null || value === undefined ? 'NULL' : typeof value === 'number' ? String(value) : `E'${value.replaceAll('\\', '\\\\').replaceAll("'", "''").replaceAll('\n', '\\n').replaceAll('\r', '\\r').replaceAll('\t', '\\t')}'`;

const box = (row: Box) =>
  `INSERT INTO voicemail (uniqueid, context, mailbox, fullname, password, email, pager, language, tz, attach, deletevoicemail, maxmsg, options, commented)
   VALUES (${row.id}, ${literal(row.context)}, ${literal(row.mailbox)}, ${literal(row.fullname ?? `Box ${row.id}`)},
           ${literal(row.password)}, ${literal(row.email)}, ${literal(row.pager)}, ${literal(row.language)}, ${literal(row.tz)},
           ${literal(row.attach)}, ${row.deletevoicemail ?? 0}, ${literal(row.maxmsg)}, ${literal(row.options ?? '{}')}, ${row.commented ?? 0})`;

const setting = (id: number, category: string, name: string, value: string | null, commented = 0) =>
  `INSERT INTO staticvoicemail (id, commented, filename, category, var_name, var_val)
   VALUES (${id}, ${commented}, 'voicemail.conf', '${category}', '${name}', ${literal(value)})`;

describe('VoicemailConfDriver', () => {
  const database = useTestDatabase({ beforeAll, afterAll });
  const generate = async () => String(await generateWithDriver(VoicemailConfDriver, driverConfig(), database.dataSource));
  const insert = async (...statements: string[]) => {
    for (const statement of statements) await database.execute(statement);
  };

  afterEach(async () => {
    await database.execute('DELETE FROM voicemail');
    await database.execute('DELETE FROM staticvoicemail');
  });

  it('writes the two empty sections and two empty lines when both tables are empty', async () => {
    expect(await generate()).toBe('[general]\n\n\n[zonemessages]\n\n\n');
  });

  it('leaves out commented settings and settings of other categories, in physical order', async () => {
    await insert(
      setting(1, 'general', 'maxmsg', '100'),
      setting(2, 'general', 'review', 'yes', 1),
      setting(3, 'zonemessages', 'eu-fr', "Europe/Paris|'vm-received' q 'digits/at' kM"),
      setting(4, 'other', 'format', 'wav'),
      setting(5, 'general', 'format', 'wav49'),
      `UPDATE staticvoicemail SET var_val = '99' WHERE id = 1`,
    );
    expect(await generate()).toBe(
      "[general]\nformat = wav49\nmaxmsg = 99\n\n\n[zonemessages]\neu-fr = Europe/Paris|'vm-received' q 'digits/at' kM\n\n\n",
    );
  });

  it('leaves out disabled (commented) mailboxes', async () => {
    await insert(
      box({ id: 1, context: 'ctx', mailbox: '1001', commented: 1 }),
      box({ id: 2, context: 'ctx', mailbox: '1002' }),
      box({ id: 3, context: 'other', mailbox: '1003', commented: 1 }),
    );
    expect(await generate()).toBe(`${HEAD}[ctx]\n1002 => ,Box 2,,,deletevoicemail=no${TAIL}`);
  });

  it('leaves NULL fields empty and NULL options out, but writes 0 and empty values', async () => {
    await insert(
      box({ id: 1, context: 'ctx', mailbox: '1001', password: null, email: null, pager: null }),
      box({ id: 2, context: 'ctx', mailbox: '1002', password: '', email: '', pager: '', language: '', tz: '', attach: 0, deletevoicemail: 1, maxmsg: 0 }),
      box({ id: 3, context: 'ctx', mailbox: '1003', password: '42', fullname: '', attach: 2, maxmsg: -1 }),
    );
    expect(await generate()).toBe(
      `${HEAD}[ctx]\n` +
        '1001 => ,Box 1,,,deletevoicemail=no\n' +
        '1002 => ,Box 2,,,language=|tz=|attach=no|deletevoicemail=yes|maxmsg=0\n' +
        `1003 => 42,,,,attach=yes|deletevoicemail=no|maxmsg=-1${TAIL}`,
    );
  });

  it('writes the options in order: columns first, then the stored pairs', async () => {
    await insert(
      box({
        id: 1,
        context: 'ctx',
        mailbox: '1001',
        password: '1234',
        email: 'a@example.com',
        pager: 'p@example.com',
        language: 'fr_FR',
        tz: 'eu-fr',
        attach: 1,
        maxmsg: 50,
        options: '{{saycid,yes},{envelope,no},{saycid,no}}',
      }),
    );
    expect(await generate()).toBe(
      `${HEAD}[ctx]\n1001 => 1234,Box 1,a@example.com,p@example.com,` +
        `language=fr_FR|tz=eu-fr|attach=yes|deletevoicemail=no|maxmsg=50|saycid=yes|envelope=no|saycid=no${TAIL}`,
    );
  });

  it('escapes newline, carriage return and tab and drops | in option values only', async () => {
    await insert(
      box({
        id: 1,
        context: 'ctx',
        mailbox: '1001',
        fullname: 'Ann | Bob',
        password: 'p|w',
        email: 'a|b',
        language: 'fr|FR',
        tz: 'line1\nline2',
        options: `{{"emailbody","a\tb\r\nc|d"},{"k|ey","v\\\\x"}}`,
      }),
    );
    expect(await generate()).toBe(
      `${HEAD}[ctx]\n1001 => p|w,Ann | Bob,a|b,,language=frFR|tz=line1\\nline2|deletevoicemail=no|emailbody=a\\tb\\r\\ncd|k|ey=v\\x${TAIL}`,
    );
  });

  it('writes a NULL key of a stored pair as None and a NULL value as empty', async () => {
    await insert(box({ id: 1, context: 'ctx', mailbox: '1001', options: '{{NULL,yes},{saycid,NULL}}' }));
    expect(await generate()).toBe(`${HEAD}[ctx]\n1001 => ,Box 1,,,deletevoicemail=no|None=yes|saycid=${TAIL}`);
  });

  it('refuses a mailbox whose full name holds a line break, naming it', async () => {
    await insert(
      box({ id: 1, context: 'ctx', mailbox: '1001' }),
      box({ id: 2, context: 'ctx', mailbox: '1002', fullname: 'Eve\n[evil]\ntype = endpoint' }),
    );
    await expect(generate()).rejects.toMatchObject({
      code: 'WCG_ERR_GENERATION_FAILED',
      message: expect.stringContaining('section [ctx] option 1002 holds a line break') as unknown,
    });
  });

  it('refuses a carriage return in a stored option key, which upstream does not escape', async () => {
    await insert(box({ id: 1, context: 'ctx', mailbox: '1001', options: '{{"say\rcid",yes}}' }));
    await expect(generate()).rejects.toMatchObject({ code: 'WCG_ERR_GENERATION_FAILED' });
  });

  it('writes a context twice when its mailboxes are interleaved with another context’s', async () => {
    await insert(
      box({ id: 1, context: 'ctx-a', mailbox: '1001' }),
      box({ id: 2, context: 'ctx-a', mailbox: '1002' }),
      box({ id: 3, context: 'ctx-b', mailbox: '2001' }),
      box({ id: 4, context: 'ctx-a', mailbox: '1003' }),
    );
    expect(await generate()).toBe(
      `${HEAD}[ctx-a]\n1001 => ,Box 1,,,deletevoicemail=no\n1002 => ,Box 2,,,deletevoicemail=no\n\n` +
        '[ctx-b]\n2001 => ,Box 3,,,deletevoicemail=no\n\n' +
        `[ctx-a]\n1003 => ,Box 4,,,deletevoicemail=no${TAIL}`,
    );
  });

  it('writes the mailboxes of every tenant in physical order, an edited one last', async () => {
    // Contexts of two tenants; ids and names sort differently from the rows' physical order.
    await insert(
      box({ id: 5, context: 'tenant-b-internal', mailbox: '2001' }),
      box({ id: 2, context: 'tenant-a-internal', mailbox: '1001' }),
      box({ id: 9, context: 'tenant-a-internal', mailbox: '1002' }),
      box({ id: 1, context: 'tenant-b-internal', mailbox: '2002' }),
      `UPDATE voicemail SET fullname = 'Edited' WHERE uniqueid = 2`,
    );
    expect(await generate()).toBe(
      `${HEAD}[tenant-b-internal]\n2001 => ,Box 5,,,deletevoicemail=no\n\n` +
        '[tenant-a-internal]\n1002 => ,Box 9,,,deletevoicemail=no\n\n' +
        '[tenant-b-internal]\n2002 => ,Box 1,,,deletevoicemail=no\n\n' +
        `[tenant-a-internal]\n1001 => ,Edited,,,deletevoicemail=no${TAIL}`,
    );
  });

  it('generates 20,000 mailboxes well within a second', async () => {
    await insert(
      `INSERT INTO voicemail (uniqueid, context, mailbox, fullname, password, language, attach, maxmsg, options)
       SELECT i, 'ctx-' || (i / 1000), (100000 + i)::text, 'User ' || i, '1234', 'fr_FR', 1, 50,
              CASE WHEN i % 10 = 0 THEN '{{saycid,yes}}'::varchar[] ELSE '{}' END
       FROM generate_series(0, 19999) AS i`,
      'ANALYZE voicemail',
    );
    const durations: number[] = [];
    let conf = '';
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      conf = await generate();
      durations.push(performance.now() - start);
    }
    const lines = conf.split('\n');
    expect(lines.filter((line) => line.includes(' => '))).toHaveLength(20_000);
    expect(lines.filter((line) => line.startsWith('[ctx-'))).toHaveLength(20);
    expect(lines).toContain('100010 => 1234,User 10,,,language=fr_FR|attach=yes|deletevoicemail=no|maxmsg=50|saycid=yes');
    expect(Math.min(...durations)).toBeLessThan(1000);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@wazo-confgend/dao/testing';
import { driverConfig, generateWithDriver } from '@wazo-confgend/testing';
import { IaxConfDriver } from '../src/index.js';

const TENANT_A = 'aaaaaaaa-0000-4000-8000-000000000001';
const TENANT_B = 'bbbbbbbb-0000-4000-8000-000000000002';

const sql = (value: string | null) => (value === null ? 'NULL' : `'${value.replaceAll("'", "''")}'`);

const general = (id: number, name: string, value: string | null, commented = 0) =>
  `INSERT INTO staticiax (id, commented, var_name, var_val) VALUES (${id}, ${commented}, ${sql(name)}, ${sql(value)})`;

const limit = (id: number, destination: string, netmask: string, calllimits: number) =>
  `INSERT INTO iaxcallnumberlimits (id, destination, netmask, calllimits) VALUES (${id}, '${destination}', '${netmask}', ${calllimits})`;

/** A trunk with the table defaults but for the given columns (`options` as an SQL array literal). */
const trunk = (id: number, name: string, columns: Record<string, string | number | null> = {}) => {
  const values: Record<string, string | number | null> = {
    tenant_uuid: TENANT_A,
    type: 'peer',
    category: 'trunk',
    ...columns,
  };
  const names = Object.keys(values);
  const literals = names.map((column) => {
    const value = values[column] ?? null;
    return typeof value === 'number' ? String(value) : sql(value);
  });
  return `INSERT INTO useriax (id, name, ${names.map((column) => `"${column}"`).join(', ')})
          VALUES (${id}, '${name}', ${literals.join(', ')})`;
};

// What a trunk with only the table defaults prints: NOT NULL columns with a non-empty default.
const DEFAULT_TRUNK_OPTIONS =
  'requirecalltoken = no\ntrunk = no\nauth = plaintext,md5\nqualifyfreqok = 60000\nqualifyfreqnotok = 10000\n' +
  'qualifysmoothing = no\ntype = peer\nqualify = no\nhost = dynamic\namaflags = default\nsendani = no\n';

describe('IaxConfDriver', () => {
  const database = useTestDatabase({ beforeAll, afterAll });
  const generate = () => generateWithDriver(IaxConfDriver, driverConfig(), database.dataSource);
  const insert = async (...statements: string[]) => {
    for (const statement of statements) await database.execute(statement);
  };

  afterEach(async () => {
    await database.execute('DELETE FROM staticiax; DELETE FROM iaxcallnumberlimits; DELETE FROM useriax');
  });

  it('writes a bare [general] from empty tables', async () => {
    expect(await generate()).toBe('[general]\n');
  });

  it('skips commented rows, NULL values and disallow rows, and writes register lines as objects', async () => {
    await insert(
      general(1, 'bindport', '4569'),
      general(2, 'regcontext', 'ctx', 1),
      general(3, 'tos', null),
      general(4, 'disallow', 'all'),
      general(5, 'register', 'user:secret@192.0.2.1/100'),
      general(6, 'language', ''),
    );
    expect(await generate()).toBe('[general]\nbindport = 4569\nregister => user:secret@192.0.2.1/100\nlanguage =\n');
  });

  it('expands allow into disallow = all and one allow per codec, empty items included', async () => {
    await insert(general(1, 'allow', 'ulaw,, alaw'));
    expect(await generate()).toBe('[general]\ndisallow = all\nallow = ulaw\nallow =\nallow =  alaw\n');
  });

  it('writes the general rows and the call number limits in physical order', async () => {
    await insert(
      general(1, 'bindport', '4569'),
      general(2, 'bindaddr', '0.0.0.0'),
      limit(1, '10.0.0.0', '255.0.0.0', 10),
      limit(2, '192.0.2.0', '255.255.255.0', 0),
      `UPDATE staticiax SET var_val = '4570' WHERE id = 1`,
      `UPDATE iaxcallnumberlimits SET calllimits = 5 WHERE id = 1`,
    );
    expect(await generate()).toBe(
      '[general]\nbindaddr = 0.0.0.0\nbindport = 4570\n\n' +
        '[callnumberlimits]\n192.0.2.0/255.255.255.0 = 0\n10.0.0.0/255.0.0.0 = 5\n',
    );
  });

  it("writes the trunk columns in the order of upstream's column set under PYTHONHASHSEED=0 (CPython 3.11)", async () => {
    await insert(
      trunk(1, 'full', {
        requirecalltoken: 'auto',
        permit: '192.0.2.0/24',
        username: 'user',
        parkinglot: 1,
        allow: 'ulaw',
        peercontext: 'peer-ctx',
        codecpriority: 'host',
        trunk: 1,
        mailbox: '1000@default',
        secret: 'secret',
        cid_number: '1000',
        accountcode: 'acct',
        forcejitterbuffer: 0,
        auth: 'md5',
        deny: '0.0.0.0/0',
        dbsecret: 'db',
        encryption: 'yes',
        qualifyfreqok: 1,
        mohinterpret: 'moh-i',
        context: 'ctx',
        callerid: 'Caller <1000>',
        maxauthreq: 3,
        qualifyfreqnotok: 2,
        language: 'fr_FR',
        qualifysmoothing: 1,
        type: 'friend',
        fullname: 'Full Name',
        qualify: 'yes',
        outkey: 'out',
        host: '192.0.2.1',
        inkeys: 'in',
        forceencryption: 'aes128',
        keyrotate: 1,
        regexten: '1000',
        amaflags: 'billing',
        timezone: 'Europe/Paris',
        setvar: 'A=1',
        immediate: 0,
        sourceaddress: '192.0.2.2',
        mohsuggest: 'moh-s',
        defaultip: '192.0.2.3',
        jitterbuffer: 1,
        sendani: 1,
        mask: '255.255.255.0',
        port: 4569,
        transfer: 'mediaonly',
        adsi: 2,
        disallow: 'all',
      }),
    );
    expect(await generate()).toBe(
      '[general]\n\n[full]\n' +
        'requirecalltoken = auto\npermit = 192.0.2.0/24\nusername = user\nparkinglot = 1\n' +
        'disallow = all\nallow = ulaw\npeercontext = peer-ctx\ncodecpriority = host\ntrunk = yes\n' +
        'mailbox = 1000@default\nsecret = secret\ncid_number = 1000\naccountcode = acct\nforcejitterbuffer = no\n' +
        'auth = md5\ndeny = 0.0.0.0/0\ndbsecret = db\nencryption = yes\nqualifyfreqok = 1\nmohinterpret = moh-i\n' +
        'context = ctx\ncallerid = Caller <1000>\nmaxauthreq = 3\nqualifyfreqnotok = 2\nlanguage = fr_FR\n' +
        'qualifysmoothing = yes\ntype = friend\nfullname = Full Name\nqualify = yes\noutkey = out\nhost = 192.0.2.1\n' +
        'inkeys = in\nforceencryption = aes128\nkeyrotate = yes\nregexten = 1000\namaflags = billing\n' +
        'timezone = Europe/Paris\nsetvar = A=1\nimmediate = no\nsourceaddress = 192.0.2.2\nmohsuggest = moh-s\n' +
        'defaultip = 192.0.2.3\njitterbuffer = yes\nsendani = yes\nmask = 255.255.255.0\nport = 4569\n' +
        'transfer = mediaonly\nadsi = yes\n',
    );
  });

  it('skips NULL and empty columns, then writes the extra options in order, empty values skipped', async () => {
    await insert(
      trunk(1, 'extras', {
        secret: '',
        options: '{{foo,bar},{empty,""},{nothing,NULL},{allow,"gsm,g722"},{requirecalltoken,yes}}',
      }),
    );
    expect(await generate()).toBe(
      `[general]\n\n[extras]\n${DEFAULT_TRUNK_OPTIONS}` +
        'foo = bar\ndisallow = all\nallow = gsm\nallow = g722\nrequirecalltoken = yes\n',
    );
  });

  it('writes the enabled trunks of every tenant in physical order, not users nor commented trunks', async () => {
    await insert(
      trunk(1, 'first', { host: '192.0.2.1' }),
      trunk(2, 'second', { tenant_uuid: TENANT_B }),
      trunk(3, 'disabled', { commented: 1 }),
      trunk(4, 'a-user', { category: 'user' }),
      `UPDATE useriax SET host = '192.0.2.9' WHERE id = 1`,
    );
    expect(await generate()).toBe(
      `[general]\n\n[second]\n${DEFAULT_TRUNK_OPTIONS}\n[first]\n` +
        DEFAULT_TRUNK_OPTIONS.replace('host = dynamic', 'host = 192.0.2.9'),
    );
  });
});

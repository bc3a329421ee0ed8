import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@wazo-confgend/dao/testing';
import { driverConfig, generateWithDriver } from '@wazo-confgend/testing';
import { MusiconholdConfDriver } from '../src/index.js';

const DEFAULT_CLASS = '[default]\nmode = files\ndirectory = /var/lib/asterisk/moh/default\n';

describe('MusiconholdConfDriver', () => {
  const database = useTestDatabase({ beforeAll, afterAll });
  let templatesDir: string;
  const generate = (config = driverConfig({ templates_dir: join(templatesDir, 'none') })) =>
    generateWithDriver(MusiconholdConfDriver, config, database.dataSource);
  const insert = (uuid: string, name: string, mode: string, application: string | null, sort: string | null) =>
    database.execute('INSERT INTO moh (uuid, tenant_uuid, name, label, mode, application, sort) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      uuid,
      't',
      name,
      name,
      mode,
      application,
      sort,
    ]);

  beforeAll(async () => {
    templatesDir = await mkdtemp(join(tmpdir(), 'moh-templates-'));
  });

  afterEach(async () => {
    await database.execute('DELETE FROM moh');
  });

  afterAll(async () => {
    if (templatesDir) await rm(templatesDir, { recursive: true, force: true });
  });

  it('writes only the default class when there is none in the database', async () => {
    expect(await generate()).toBe(DEFAULT_CLASS);
  });

  it('lays out each mode and sort combination with upstream blank lines, in table order', async () => {
    await insert('f', 'files-sorted', 'files', null, 'alphabetical');
    await insert('e', 'files-unsorted', 'files', null, null);
    await insert('d', 'custom-unsorted', 'custom', '/bin/stream a', null);
    await insert('c', 'custom-sorted', 'custom', '/bin/stream b', 'random_start');
    await insert('b', 'mp3-other-sort', 'mp3', null, 'random');
    expect(await generate()).toBe(
      DEFAULT_CLASS +
        '\n[files-sorted]\nmode = files\ndirectory = /var/lib/asterisk/moh/files-sorted\nsort = alpha\n' +
        '\n[files-unsorted]\nmode = files\ndirectory = /var/lib/asterisk/moh/files-unsorted\n\n' +
        '\n[custom-unsorted]\nmode = custom\napplication = /bin/stream a\n\n\n' +
        '\n[custom-sorted]\nmode = custom\napplication = /bin/stream b\n\nsort = randstart\n' +
        '\n[mp3-other-sort]\nmode = mp3\ndirectory = /var/lib/asterisk/moh/mp3-other-sort\nsort = random\n',
    );
  });

  it('prints a custom class without application as Jinja prints None', async () => {
    await insert('a', 'custom-broken', 'custom', null, null);
    expect(await generate()).toBe(`${DEFAULT_CLASS}\n[custom-broken]\nmode = custom\napplication = None\n\n\n`);
  });

  it('renders an operator template from templates_dir instead of the shipped one', async () => {
    await insert('a', 'jazz', 'files', null, 'alphabetical');
    await insert('b', 'talk', 'files', null, 'unknown');
    await mkdir(join(templatesDir, 'custom', 'asterisk'), { recursive: true });
    await writeFile(
      join(templatesDir, 'custom', 'asterisk', 'musiconhold.jinja'),
      '{% for moh in moh_list %}{{ moh.name }}@{{ moh.tenant_uuid }}:{{ sort_map.get(moh.sort, "as-is") }};{% endfor %}\n',
    );
    expect(await generate(driverConfig({ templates_dir: join(templatesDir, 'custom') }))).toBe('jazz@t:alpha;talk@t:as-is;');
  });
});

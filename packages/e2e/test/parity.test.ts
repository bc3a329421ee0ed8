import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, findSharedReference, SHARED_REFERENCE_MISSING, type TestDatabase } from '@wazo-confgend/dao/testing';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchWithClient } from './support/client.js';
import { createDaemonHost, startDaemon, type DaemonHost, type RunningDaemon } from './support/daemon.js';
import { REPO_ROOT } from './support/paths.js';

const shared = findSharedReference();
if (!shared) console.warn(`parity through the daemon: ${SHARED_REFERENCE_MISSING}`);

const PRODUCTION_CONFIG = join(REPO_ROOT, 'packages/server/etc/wazo-confgend/config.yml');

/**
 * Every file upstream generates, as its callers ask for them (pjsip.conf with --cached), all
 * served by the first-party drivers the shipped configuration selects. sip.conf has no golden
 * file: upstream selects it but generates nothing.
 */
const FILES: ReadonlyArray<readonly [file: string, flags: readonly string[]]> = [
  ['asterisk/pjsip.conf', ['--cached']],
  ['asterisk/extensions.conf', []],
  ['asterisk/rtp.conf', []],
  ['asterisk/hep.conf', []],
  ['asterisk/features.conf', []],
  ['asterisk/confbridge.conf', []],
  ['asterisk/musiconhold.conf', []],
  ['asterisk/modules.conf', []],
  ['asterisk/queues.conf', []],
  ['asterisk/queueskills.conf', []],
  ['asterisk/queueskillrules.conf', []],
  ['asterisk/voicemail.conf', []],
  ['asterisk/res_parking.conf', []],
  ['asterisk/iax.conf', []],
  ['asterisk/sccp.conf', []],
  ['provd/network.yml', []],
  ['wazo/uuid.yml', []],
  ['phoned/config.yml', []],
];
const WITH_GOLDEN = FILES.map(([file]) => file);
/** Upstream leaves part of their order to the query plan: confdiff.py compares those parts unordered. */
const ORDER_LEFT_TO_THE_PLAN = new Set(['asterisk/pjsip.conf', 'asterisk/extensions.conf']);

/**
 * What decides the output in the shipped production configuration (driver selection, modules,
 * templates: none named, so every driver renders the one it ships), with the host's own settings
 * (database, ports, writable paths) left to the test host.
 */
async function productionSettings(dbUri: string): Promise<Record<string, unknown>> {
  const production = parse(await readFile(PRODUCTION_CONFIG, 'utf8')) as Record<string, unknown>;
  return {
    db_uri: dbUri,
    plugins: production['plugins'],
    enabled_asterisk_modules: production['enabled_asterisk_modules'],
    ...(production['templates'] ? { templates: production['templates'] } : {}),
  };
}

describe.skipIf(!shared)('parity with upstream through the daemon and wazo-confgen (fixture set dev)', () => {
  let database: TestDatabase;
  let host: DaemonHost;
  let daemon: RunningDaemon;
  let actualDir: string;

  beforeAll(async () => {
    if (!shared) return;
    database = await createTestDatabase({ schema: { kind: 'sql-file', path: shared.schemaSql }, sqlFiles: [shared.fixtureSql('dev')] });
    const settings = await productionSettings(database.url);
    host = await createDaemonHost(settings);
    daemon = await startDaemon(host);
    actualDir = join(host.dir, 'actual');
    for (const [file, flags] of [...FILES, ['asterisk/sip.conf', []] as const]) {
      const result = await fetchWithClient(host.tcpPort, file, ...flags);
      expect(result.code, `${file}: ${result.stderr}`).toBe(0);
      await mkdir(join(actualDir, file, '..'), { recursive: true });
      await writeFile(join(actualDir, file), result.stdout);
    }
  }, 120_000);

  afterAll(async () => {
    await daemon?.stop();
    await host?.remove();
    await database?.drop();
  });

  it.each(FILES.filter(([file]) => !ORDER_LEFT_TO_THE_PLAN.has(file)))('%s is byte-identical to upstream', async (file) => {
    const expected = await readFile(join(shared?.goldenDir('dev') ?? '', file), 'utf8');
    expect(await readFile(join(actualDir, file), 'utf8')).toBe(expected);
  });

  it('every file matches by the rules of confdiff.py (order left to the query plan may differ)', async () => {
    const confdiff = join(shared?.dir ?? '', 'tools', 'confdiff.py');
    const { stdout } = await promisify(execFile)('python3', [confdiff, shared?.goldenDir('dev') ?? '', actualDir, ...WITH_GOLDEN]);
    expect(stdout.trim().split('\n').at(-1)).toMatch(new RegExp(`^${WITH_GOLDEN.length}/${WITH_GOLDEN.length} match`));
  });

  it('check-config with the shipped configuration finds no problem, and warns that the role can write', async () => {
    const result = await host.cli('check-config');
    expect(result.stdout).toMatch(/^no problem found$/m);
    expect(result.stdout).toMatch(/^ok {4}generating asterisk\.extensions\.conf: \d+ bytes$/m);
    expect(result.stdout).toMatch(/^warn {2}database role can write to \d+ table\(s\)/m);
    expect(result.code).toBe(0);
  });

  it('serves sip.conf, which upstream selects but never generates, as a valid file that says why it is empty', async () => {
    expect(await readFile(join(actualDir, 'asterisk/sip.conf'), 'utf8')).toMatch(/^;/);
  });
});

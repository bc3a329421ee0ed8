import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestDatabase } from '@wazo-confgend/dao/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { daemonApiUrl } from '../src/cli/diff.js';
import type { DriverSpec } from './support/driver-packages.js';
import { closedPort, openTestDatabase, startTestDaemon, tcpRequest, type TestDaemon } from './support/harness.js';
import { run, serverBin } from './support/processes.js';

/** The workspace's writer, as a driver's own dependency would be. */
const asteriskConfModule = new URL('../../asterisk-conf/dist/index.js', import.meta.url).href;

/** A driver serving, at each generation, what the test last wrote to `<controlled_dir>/<source>`. */
const controlled = (file: string, source: string): DriverSpec => ({
  packageName: `controlled-${file.replace('.', '-')}`,
  namespace: `asterisk.${file}`,
  name: 'controlled',
  source: `import { readFileSync } from 'node:fs';
import { join } from 'node:path';
export default class Driver {
  constructor(config) { this.config = config; }
  generate() { return readFileSync(join(this.config.controlled_dir, ${JSON.stringify(source)}), 'utf8'); }
}
`,
});

/** Writes `[<name>]` + `callerid = <callerid>` for each entry of `<controlled_dir>/iax.json` through ConfWriter. */
const WRITER: DriverSpec = {
  packageName: 'controlled-writer',
  namespace: 'asterisk.iax.conf',
  name: 'controlled',
  source: `import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfOutput, ConfWriter } from '${asteriskConfModule}';
export default class Driver {
  constructor(config) { this.config = config; }
  generate() {
    const output = new ConfOutput();
    const writer = new ConfWriter(output);
    for (const { name, callerid } of JSON.parse(readFileSync(join(this.config.controlled_dir, 'iax.json'), 'utf8'))) {
      writer.section(name);
      writer.option('callerid', callerid);
    }
    return output.toString();
  }
}
`,
};

const PJSIP = controlled('pjsip.conf', 'pjsip.conf');
const QUEUES = controlled('queues.conf', 'queues.conf');
const RTP = controlled('rtp.conf', 'rtp.conf');
const SIP = controlled('sip.conf', 'sip.conf');

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: () => unknown;
}

interface Version {
  id: string;
  time: string;
  size: number;
  sha256: string;
  trigger: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const errorOf = (answer: Answer) => (answer.json() as { error: { code: string; message: string } }).error;

let database: TestDatabase;
let daemon: TestDaemon;
let sources: string;

async function request(method: string, path: string, base = daemon.baseUrl): Promise<Answer> {
  const response = await fetch(`${base}${path}`, { method });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as unknown };
}

const setSource = (name: string, content: string) => writeFile(join(sources, name), content);
const overTcp = async (file: string) => (await tcpRequest(daemon.tcpPort, [file])).text;

async function versionsOf(file: string, base = daemon.baseUrl): Promise<{ items: Version[]; taken: string | null }> {
  const answer = await request('GET', `/1.0/files/${file}/versions`, base);
  expect(answer.status, answer.text).toBe(200);
  return answer.json() as { items: Version[]; taken: string | null };
}

/** What is served from the cache and what is kept, to compare before and after an operation. */
async function servedState(file: string): Promise<{ cached: string; source: string | null; versions: unknown }> {
  const cached = await request('GET', `/1.0/files/${file}?cached=true`);
  return { cached: cached.text, source: cached.headers.get('x-wazo-confgend-source'), versions: await versionsOf(file) };
}

beforeAll(async () => {
  database = await openTestDatabase();
  sources = await mkdtemp(join(tmpdir(), 'wazo-confgend-sources-'));
  daemon = await startTestDaemon({
    dbUri: database.url,
    installed: [PJSIP, QUEUES, SIP, WRITER],
    config: { controlled_dir: sources, shrink_guard: { 'asterisk/queues.conf': 0.5 } },
  });
});

afterAll(async () => {
  await daemon?.stop();
  await database?.drop();
  if (sources) await rm(sources, { recursive: true, force: true });
});

describe('the structural check of Asterisk files', () => {
  const GOOD = '[global]\ntype = global\n\n[tpl](!)\ncontext = default\n\n[1001](tpl)\ntype = endpoint\n';

  it.each([
    ['option-before-section', 1, 'type = global\n[global]\n'],
    ['unclosed-section', 1, '[global\ntype = global\n'],
    ['unknown-template', 1, '[1001](missing)\ntype = endpoint\n'],
    ['line-too-long', 2, `[global]\nuser_agent = ${'x'.repeat(8200)}\n`],
  ])('%s: the bad file is held back and the last good one served', async (rule, line, bad) => {
    await setSource('pjsip.conf', GOOD);
    expect(await overTcp('asterisk/pjsip.conf')).toBe(GOOD);
    const before = await servedState('asterisk/pjsip.conf');

    await setSource('pjsip.conf', bad);
    expect(await overTcp('asterisk/pjsip.conf')).toBe(GOOD);
    const answer = await request('GET', '/1.0/files/asterisk/pjsip.conf');
    expect(answer.headers.get('x-wazo-confgend-source')).toBe('fallback');
    expect(answer.text).toBe(GOOD);
    const logged = daemon.logs.lines.filter((entry) => entry['code'] === 'WCG_ERR_CONTENT_REJECTED' && entry.msg.includes(`line ${line}: ${rule}: `));
    expect(logged.length, daemon.logs.matching('pjsip').map((entry) => entry.msg).join('\n')).toBeGreaterThan(0);
    expect(logged[0]?.msg).toContain('asterisk/pjsip.conf was generated but not served, it would not load');

    // neither the refused file nor its preview became a version or the cached content
    const preview = await request('GET', '/1.0/files/asterisk/pjsip.conf/diff');
    expect(preview.status).toBe(503);
    expect(errorOf(preview)).toEqual({ code: 'WCG_ERR_CONTENT_REJECTED', message: expect.stringContaining(`line ${line}: ${rule}: `) });
    expect(await servedState('asterisk/pjsip.conf')).toEqual(before);
  });

  it('a line break that ConfWriter refuses fails the generation naming the option; the last good file is served', async () => {
    const good = '[1001]\ncallerid = Alice <1001>\n';
    await setSource('iax.json', JSON.stringify([{ name: '1001', callerid: 'Alice <1001>' }]));
    expect(await overTcp('asterisk/iax.conf')).toBe(good);
    const before = await servedState('asterisk/iax.conf');

    await setSource('iax.json', JSON.stringify([{ name: '1001', callerid: 'x\n[evil]' }]));
    expect(await overTcp('asterisk/iax.conf')).toBe(good);
    const answer = await request('GET', '/1.0/files/asterisk/iax.conf');
    expect(answer.headers.get('x-wazo-confgend-source')).toBe('fallback');
    expect(answer.text).toBe(good);
    expect(daemon.logs.matching(/section \[1001\] option callerid holds a line break: refusing to write it/)).not.toHaveLength(0);

    const preview = await request('GET', '/1.0/files/asterisk/iax.conf/diff');
    expect(preview.status).toBe(503);
    expect(errorOf(preview)).toEqual({ code: 'WCG_ERR_GENERATION_FAILED', message: expect.stringContaining('section [1001] option callerid holds a line break') });
    expect(await servedState('asterisk/iax.conf')).toEqual(before);
  });

  it('serves a file of comments only (the shipped sip.conf)', async () => {
    await setSource('sip.conf', '; chan_sip is not used: see pjsip.conf\n');
    expect(await overTcp('asterisk/sip.conf')).toBe('; chan_sip is not used: see pjsip.conf\n');
  });
});

describe('diff and preview', () => {
  const A = '[global]\ntype = global\n\n[1001]\ntype = endpoint\ncontext = default\n';
  const B = '[global]\ntype = global\n\n[1001]\ntype = endpoint\ncontext = internal\n';
  const C = '[global]\ntype = global\n\n[1001]\ntype = endpoint\ncontext = internal\n\n[1002]\ntype = endpoint\n';
  let versionA: Version;
  let versionB: Version;

  beforeAll(async () => {
    await setSource('pjsip.conf', A);
    expect(await overTcp('asterisk/pjsip.conf')).toBe(A);
    await setSource('pjsip.conf', B);
    expect((await request('GET', '/1.0/files/asterisk/pjsip.conf')).text).toBe(B);
    await setSource('pjsip.conf', C);
    const { items, taken } = await versionsOf('asterisk/pjsip.conf');
    [versionB, versionA] = items as [Version, Version];
    expect(versionB).toEqual({ id: expect.any(String), time: expect.any(String), size: B.length, sha256: sha256(B), trigger: 'request' });
    expect(versionA).toMatchObject({ size: A.length, sha256: sha256(A) });
    // Asterisk took A over TCP; B was only fetched over HTTP
    expect(taken).toBe(versionA.id);
  });

  it('by default compares what Asterisk last took with a preview, and changes nothing served', async () => {
    const before = await servedState('asterisk/pjsip.conf');
    expect(before).toMatchObject({ cached: B, source: 'cache' });
    const answer = await request('GET', '/1.0/files/asterisk/pjsip.conf/diff');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/x-diff; charset=utf-8');
    expect(answer.text).toBe(
      [
        `--- a/asterisk/pjsip.conf (version ${versionA.id}, ${versionA.time})`,
        '+++ b/asterisk/pjsip.conf (preview)',
        '@@ -3,4 +3,7 @@',
        ' ',
        ' [1001]',
        ' type = endpoint',
        '-context = default',
        '+context = internal',
        '+',
        '+[1002]',
        '+type = endpoint',
        '',
      ].join('\n'),
    );
    expect(await servedState('asterisk/pjsip.conf')).toEqual(before);
    expect(await readFile(join(daemon.cacheDir, 'asterisk', 'pjsip.conf'), 'utf8')).toBe(B);
  });

  it('compares two kept versions; equal ones give an empty answer', async () => {
    const answer = await request('GET', `/1.0/files/asterisk/pjsip.conf/diff?from=${versionA.id}&to=${versionB.id}`);
    expect(answer.text).toBe(
      [
        `--- a/asterisk/pjsip.conf (version ${versionA.id}, ${versionA.time})`,
        `+++ b/asterisk/pjsip.conf (version ${versionB.id}, ${versionB.time})`,
        '@@ -3,4 +3,4 @@',
        ' ',
        ' [1001]',
        ' type = endpoint',
        '-context = default',
        '+context = internal',
        '',
      ].join('\n'),
    );
    const same = await request('GET', `/1.0/files/asterisk/pjsip.conf/diff?from=${versionB.id}&to=${versionB.id}`);
    expect([same.status, same.text]).toEqual([200, '']);
  });

  it('GET .../versions/{id} gives the bytes of a kept version', async () => {
    const answer = await request('GET', `/1.0/files/asterisk/pjsip.conf/versions/${versionA.id}`);
    expect([answer.status, answer.headers.get('content-type'), answer.text]).toEqual([200, 'text/plain; charset=utf-8', A]);
  });

  it('404 for an unknown file or version, 400 for a malformed id, 409 for to=held with nothing held', async () => {
    const unknownVersion = '20000101T000000000Z-000000';
    for (const path of [
      `/1.0/files/asterisk/pjsip.conf/versions/${unknownVersion}`,
      `/1.0/files/asterisk/pjsip.conf/diff?from=${unknownVersion}`,
      `/1.0/files/asterisk/pjsip.conf/diff?to=${unknownVersion}`,
      '/1.0/files/asterisk/unknown.conf/versions',
      '/1.0/files/asterisk/unknown.conf/diff',
      '/1.0/files/asterisk/unknown.conf/held/release',
    ]) {
      const answer = await request(path.endsWith('/release') ? 'POST' : 'GET', path);
      expect([path, answer.status, errorOf(answer).code]).toEqual([path, 404, 'WCG_ERR_UNKNOWN_FILE']);
    }
    const malformed = await request('GET', '/1.0/files/asterisk/pjsip.conf/versions/..%2F..%2Fetc');
    expect([malformed.status, errorOf(malformed).code]).toEqual([400, 'WCG_ERR_INVALID_FILE_KEY']);
    const nothingHeld = await request('GET', '/1.0/files/asterisk/pjsip.conf/diff?to=held');
    expect([nothingHeld.status, errorOf(nothingHeld).message]).toEqual([409, 'nothing of asterisk/pjsip.conf is held back']);
    // no version kept yet: nothing to start a diff from
    const noVersion = await request('GET', '/1.0/files/test/hello.conf/diff');
    expect([noVersion.status, errorOf(noVersion).code]).toEqual([404, 'WCG_ERR_UNKNOWN_FILE']);
  });

  it('405 with Allow for another method on the new paths', async () => {
    const post = await request('POST', '/1.0/files/asterisk/pjsip.conf/versions');
    expect([post.status, post.headers.get('allow'), errorOf(post).code]).toEqual([405, 'GET, HEAD', 'WCG_ERR_HTTP_METHOD_NOT_ALLOWED']);
    const get = await request('GET', '/1.0/files/asterisk/pjsip.conf/held/release');
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
  });

  it('the OpenAPI document describes the new routes', async () => {
    const document = parse((await request('GET', '/1.0/api/api.yml')).text) as { paths: Record<string, Record<string, unknown>> };
    const file = '/1.0/files/{resource}/{filename}';
    expect(Object.keys(document.paths[`${file}/versions`] ?? {})).toEqual(['get']);
    expect(Object.keys(document.paths[`${file}/versions/{id}`] ?? {})).toEqual(['get']);
    expect(Object.keys(document.paths[`${file}/diff`] ?? {})).toEqual(['get']);
    expect(Object.keys(document.paths[`${file}/held/release`] ?? {})).toEqual(['post']);
  });

  describe('wazo-confgend diff and versions', () => {
    let cliConfig: string;

    beforeAll(async () => {
      expect(existsSync(serverBin), `${serverBin} is missing: build the server first`).toBe(true);
      const config = JSON.parse(await readFile(daemon.configFile, 'utf8')) as Record<string, unknown>;
      const port = Number(new URL(daemon.baseUrl).port);
      cliConfig = join(sources, 'cli-config.yml');
      await writeFile(cliConfig, JSON.stringify({ ...config, rest_api: { enabled: true, listen: '127.0.0.1', port } }));
    });

    it('prints what the HTTP diff route answers and exits 1 when the contents differ', async () => {
      const http = await request('GET', '/1.0/files/asterisk/pjsip.conf/diff');
      const result = await run(['diff', 'asterisk/pjsip.conf', '--config-file', cliConfig]);
      expect([result.code, result.stderr]).toEqual([1, '']);
      expect(result.stdout).toBe(http.text);
      expect(result.stdout).toContain('+[1002]\n');
    });

    it('exits 0 with nothing printed when the contents are equal, 2 with the reason on error', async () => {
      const same = await run(['diff', 'asterisk/pjsip.conf', '--from', versionB.id, '--to', versionB.id, '-c', cliConfig]);
      expect([same.code, same.stdout, same.stderr]).toEqual([0, '', '']);
      const unknown = await run(['diff', 'asterisk/pjsip.conf', '--from', '20000101T000000000Z-000000', '-c', cliConfig]);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toBe('wazo-confgend: cannot diff asterisk/pjsip.conf: WCG_ERR_UNKNOWN_FILE: no version 20000101T000000000Z-000000 of asterisk/pjsip.conf is kept\n');
      const down = join(sources, 'down.yml');
      await writeFile(down, JSON.stringify({ rest_api: { enabled: true, listen: '127.0.0.1', port: await closedPort() } }));
      const unreachable = await run(['diff', 'asterisk/pjsip.conf', '-c', down]);
      expect(unreachable.code).toBe(2);
      expect(unreachable.stderr).toMatch(/^wazo-confgend: cannot diff asterisk\/pjsip\.conf: no answer from the daemon at http:\/\/127\.0\.0\.1:\d+ \(rest_api of .*\): ECONNREFUSED\n$/);
      const misused = await run(['generate', 'asterisk/pjsip.conf', '--from', versionA.id, '-c', cliConfig]);
      expect(misused.code).toBe(2);
      expect(misused.stderr).toContain('--from and --to only apply to the diff command');
    });

    it('versions lists the kept versions, newest first, marking the one Asterisk took', async () => {
      const { items } = await versionsOf('asterisk/pjsip.conf');
      const result = await run(['versions', 'asterisk/pjsip.conf', '-c', cliConfig]);
      expect(result.code).toBe(0);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines[0]?.split(/\s+/)).toEqual(['ID', 'TIME', 'SIZE', 'SHA256', 'TRIGGER', 'TAKEN']);
      expect(lines.slice(1).map((line) => line.split(/\s+/))).toEqual(
        items.map((item) => [item.id, item.time, String(item.size), item.sha256, item.trigger, ...(item.id === versionA.id ? ['yes'] : [])]),
      );
    });
  });
});

describe('the shrink guard', () => {
  const queues = (count: number) => Array.from({ length: count }, (_, index) => `[q${index + 1}]\nstrategy = ringall\n`).join('\n');

  it('serves a file within the guard, holds back one that lost too many sections, and serves it once released', async () => {
    await setSource('queues.conf', queues(4));
    expect(await overTcp('asterisk/queues.conf')).toBe(queues(4));
    // a quarter of the sections lost: within the 50% allowed
    await setSource('queues.conf', queues(3));
    expect(await overTcp('asterisk/queues.conf')).toBe(queues(3));
    const { items: kept } = await versionsOf('asterisk/queues.conf');
    const taken = kept[0] as Version;

    await setSource('queues.conf', queues(1));
    const held = await request('GET', '/1.0/files/asterisk/queues.conf');
    expect([held.headers.get('x-wazo-confgend-source'), held.text]).toEqual(['fallback', queues(3)]);
    expect(await overTcp('asterisk/queues.conf')).toBe(queues(3));
    expect(daemon.logs.lines.some((entry) => entry['code'] === 'WCG_ERR_CONTENT_HELD' && entry.msg.includes('it has 1 sections where the last good one has 3'))).toBe(true);
    expect((await versionsOf('asterisk/queues.conf')).items).toEqual(kept);

    const diff = await request('GET', '/1.0/files/asterisk/queues.conf/diff?to=held');
    expect(diff.text).toBe(
      [
        `--- a/asterisk/queues.conf (version ${taken.id}, ${taken.time})`,
        '+++ b/asterisk/queues.conf (held back)',
        '@@ -1,8 +1,2 @@',
        ' [q1]',
        ' strategy = ringall',
        '-',
        '-[q2]',
        '-strategy = ringall',
        '-',
        '-[q3]',
        '-strategy = ringall',
        '',
      ].join('\n'),
    );

    const released = await request('POST', '/1.0/files/asterisk/queues.conf/held/release');
    expect([released.status, released.json()]).toEqual([200, { bytes: queues(1).length }]);
    const cached = await request('GET', '/1.0/files/asterisk/queues.conf?cached=true');
    expect([cached.headers.get('x-wazo-confgend-source'), cached.text]).toEqual(['cache', queues(1)]);
    expect((await versionsOf('asterisk/queues.conf')).items[0]).toMatchObject({ sha256: sha256(queues(1)), trigger: 'request+released' });

    const again = await request('POST', '/1.0/files/asterisk/queues.conf/held/release');
    expect([again.status, errorOf(again).code]).toEqual([404, 'WCG_ERR_UNKNOWN_FILE']);
    expect((await request('GET', '/1.0/files/asterisk/queues.conf/diff?to=held')).status).toBe(409);
  });
});

describe('kept versions', () => {
  const rtp = (index: number) => `[general]\nrtpstart = ${10_000 + index}\n`;

  it('stay within versions_kept and survive a restart of the daemon', async () => {
    const cache = join(sources, 'restart-cache');
    const options = { dbUri: database.url, installed: [RTP], config: { cache, controlled_dir: sources, versions_kept: 3, plugins: { 'asterisk.rtp.conf': 'controlled' } } };
    const first = await startTestDaemon(options);
    let kept: { items: Version[]; taken: string | null };
    try {
      for (let index = 1; index <= 5; index += 1) {
        await setSource('rtp.conf', rtp(index));
        expect((await request('GET', '/1.0/files/asterisk/rtp.conf', first.baseUrl)).text).toBe(rtp(index));
      }
      kept = await versionsOf('asterisk/rtp.conf', first.baseUrl);
      expect(kept.items.map((item) => [item.size, item.sha256, item.trigger])).toEqual([5, 4, 3].map((index) => [rtp(index).length, sha256(rtp(index)), 'request']));
      expect(kept.items.map((item) => item.id)).toEqual(kept.items.map((item) => item.id).sort().reverse());
      expect(await readdir(join(cache, '.versions', 'asterisk', 'rtp.conf'))).toHaveLength(6);
    } finally {
      await first.stop();
    }

    const second = await startTestDaemon(options);
    try {
      expect(await versionsOf('asterisk/rtp.conf', second.baseUrl)).toEqual(kept);
      expect(kept.taken).toBe(kept.items[0]?.id);
      const oldest = kept.items[2] as Version;
      expect((await request('GET', `/1.0/files/asterisk/rtp.conf/versions/${oldest.id}`, second.baseUrl)).text).toBe(rtp(3));
      // nothing taken since the start: the diff starts from the newest version, equal to a preview
      expect((await request('GET', '/1.0/files/asterisk/rtp.conf/diff', second.baseUrl)).text).toBe('');

      await setSource('rtp.conf', rtp(6));
      expect((await request('GET', '/1.0/files/asterisk/rtp.conf', second.baseUrl)).text).toBe(rtp(6));
      const after = await versionsOf('asterisk/rtp.conf', second.baseUrl);
      expect(after.items.map((item) => item.sha256)).toEqual([6, 5, 4].map((index) => sha256(rtp(index))));
      expect((await request('GET', `/1.0/files/asterisk/rtp.conf/versions/${oldest.id}`, second.baseUrl)).status).toBe(404);
    } finally {
      await second.stop();
    }
  });
});

describe('daemonApiUrl', () => {
  it('reaches a wildcard listen address on loopback and brackets IPv6 addresses', () => {
    expect(daemonApiUrl({ enabled: true, listen: '127.0.0.1', port: 8670 })).toBe('http://127.0.0.1:8670');
    expect(daemonApiUrl({ enabled: true, listen: '0.0.0.0', port: 8670 })).toBe('http://127.0.0.1:8670');
    expect(daemonApiUrl({ enabled: true, listen: '', port: 9000 })).toBe('http://127.0.0.1:9000');
    expect(daemonApiUrl({ enabled: true, listen: '::', port: 8670 })).toBe('http://[::1]:8670');
    expect(daemonApiUrl({ enabled: true, listen: 'fd00::5', port: 8670 })).toBe('http://[fd00::5]:8670');
  });
});

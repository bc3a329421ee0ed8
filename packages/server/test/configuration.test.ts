import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '@wazo-confgend/core';
import type { TestDatabase } from '@wazo-confgend/dao/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Daemon } from '../src/index.js';
import { LogCapture, prepareWorkspace, startTestDaemon, tcpRequest, openTestDatabase, type TestDaemon } from './support/harness.js';

const BROKEN_YAML = 'plugins:\n  test.hello.conf: wazo\n  bad: [unclosed\n';

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

describe('start-up on a broken configuration', () => {
  it('refuses to start, naming the file and line of bad YAML in a conf.d file', async () => {
    const { dir, configFile } = await prepareWorkspace({ dbUri: 'postgresql://nobody@127.0.0.1:1/none' });
    const broken = join(dir, 'conf.d', '50-broken.yml');
    await writeFile(broken, BROKEN_YAML);
    const logs = new LogCapture();
    const starting = Daemon.start({ configFile, console: { out: logs.stream, err: logs.stream }, listen: { tcpPort: 0, httpPort: 0 } });
    await expect(starting).rejects.toBeInstanceOf(ConfigError);
    const error = (await starting.catch((caught: unknown) => caught)) as ConfigError;
    expect(error.problems.length).toBeGreaterThan(0);
    expect(error.message).toContain(`${broken}:4:1: invalid YAML`);
    await rm(dir, { recursive: true, force: true });
  });
});

describe('reload (SIGHUP)', () => {
  let server: TestDaemon;

  beforeAll(async () => {
    if (database) server = await startTestDaemon({ dbUri: database.url });
  });

  afterAll(() => server?.stop());

  it('keeps the running configuration when the new one is broken, and logs every problem', async () => {
    const broken = join(server.dir, 'conf.d', '50-broken.yml');
    await writeFile(broken, BROKEN_YAML);
    const result = await server.daemon.reload();
    expect(result.ok).toBe(false);
    expect(server.logs.lines.some((line) => line.level >= 50 && line.msg.includes(broken))).toBe(true);
    expect(server.logs.matching('the previous one stays in use')).toHaveLength(1);
    expect((await tcpRequest(server.tcpPort, ['test/hello.conf'])).text).toBe('Hello World!\n');
  });

  it('applies a good configuration: a file that is no longer selected is no longer served', async () => {
    await writeFile(join(server.dir, 'conf.d', '50-broken.yml'), 'plugins:\n  test.hello.conf: ""\n');
    expect(await server.daemon.reload()).toEqual({ ok: true });
    expect((await tcpRequest(server.tcpPort, ['test/hello.conf'])).data.length).toBe(0);
    await writeFile(join(server.dir, 'conf.d', '50-broken.yml'), 'log_level: debug\n');
    expect(await server.daemon.reload()).toEqual({ ok: true });
    expect((await tcpRequest(server.tcpPort, ['test/hello.conf'])).text).toBe('Hello World!\n');
    expect(server.daemon.logger.level).toBe('debug');
  });
});

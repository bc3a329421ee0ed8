import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DATABASE_NAME, DEMO_DATASET, startDemoDatabase } from '../src/demo/index.js';
import { startEmbeddedPostgres } from '../src/embedded/index.js';

async function queryOne<Row>(url: string, sql: string): Promise<Row> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows[0] as Row;
  } finally {
    await client.end();
  }
}

const datasetRows = (table: string) => DEMO_DATASET.tables.find((entry) => entry.table === table)?.rows.length;

describe('startDemoDatabase', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'wazo-confgend-demo-'));
    // As root the cluster runs as the postgres user, who must be able to reach the data directory.
    await chmod(root, 0o755);
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('creates the demo database once and keeps its data across restarts', async () => {
    const dataDir = join(root, 'kept', 'pg');
    const logs: string[] = [];
    const first = await startDemoDatabase({ dataDir, onLog: (line) => logs.push(line) });
    try {
      expect(new URL(first.url).pathname).toBe(`/${DEMO_DATABASE_NAME}`);
      const loaded = await queryOne<{ total: number }>(first.url, 'SELECT count(*)::int AS total FROM asterisk_file');
      expect(loaded.total).toBe(datasetRows('asterisk_file'));
      await queryOne(first.url, `UPDATE asterisk_file_variable SET value = 'Edited PBX' WHERE key = 'user_agent'`);
    } finally {
      await first.stop();
    }
    expect(logs).toContain(`demo database: created ${DEMO_DATABASE_NAME} in ${dataDir}`);

    const second = await startDemoDatabase({ dataDir, onLog: (line) => logs.push(line) });
    try {
      const again = await queryOne<{ total: number }>(second.url, 'SELECT count(*)::int AS total FROM asterisk_file');
      expect(again.total).toBe(datasetRows('asterisk_file'));
      const edited = await queryOne<{ value: string }>(
        second.url,
        `SELECT value FROM asterisk_file_variable WHERE key = 'user_agent'`,
      );
      expect(edited.value).toBe('Edited PBX');
    } finally {
      await second.stop();
    }
    expect(logs).toContain(`demo database: reusing ${DEMO_DATABASE_NAME} in ${dataDir}`);
  });

  it('replaces a demo database built by another version', async () => {
    const dataDir = join(root, 'upgraded', 'pg');
    const server = await startEmbeddedPostgres({ dataDir });
    try {
      const client = new pg.Client({ connectionString: server.adminUrl });
      await client.connect();
      await client.query('CREATE DATABASE wazo_demo_0123456789ab');
      await client.end();
    } finally {
      await server.stop();
    }
    const logs: string[] = [];
    const demo = await startDemoDatabase({ dataDir, onLog: (line) => logs.push(line) });
    try {
      const names = await queryOne<{ names: string[] }>(
        demo.url,
        `SELECT array_agg(datname::text ORDER BY datname) AS names FROM pg_database WHERE datname LIKE 'wazo%'`,
      );
      expect(names.names).toEqual([DEMO_DATABASE_NAME]);
    } finally {
      await demo.stop();
    }
    expect(logs).toContain('demo database: dropped wazo_demo_0123456789ab, built by another version');
  });

  it('redoes a first load that was interrupted before it completed', async () => {
    const dataDir = join(root, 'interrupted', 'pg');
    const server = await startEmbeddedPostgres({ dataDir });
    try {
      const client = new pg.Client({ connectionString: server.adminUrl });
      await client.connect();
      await client.query('CREATE DATABASE wazo_demo_building');
      await client.end();
      await queryOne(server.urlFor('wazo_demo_building'), 'CREATE TABLE half_done (id integer)');
    } finally {
      await server.stop();
    }

    const demo = await startDemoDatabase({ dataDir });
    try {
      const leftover = await queryOne<{ total: number }>(
        demo.url,
        `SELECT count(*)::int AS total FROM pg_tables WHERE tablename = 'half_done'`,
      );
      expect(leftover.total).toBe(0);
      const loaded = await queryOne<{ total: number }>(demo.url, 'SELECT count(*)::int AS total FROM asterisk_file');
      expect(loaded.total).toBe(datasetRows('asterisk_file'));
    } finally {
      await demo.stop();
    }
  });

  it('says which directory failed and what to do about it', async () => {
    const blocked = join(root, 'not-a-directory');
    await writeFile(blocked, '');
    await expect(startDemoDatabase({ dataDir: join(blocked, 'pg') })).rejects.toMatchObject({
      code: 'WCG_ERR_DATABASE_UNAVAILABLE',
      message: expect.stringContaining(join(blocked, 'pg')),
    });
  });
});

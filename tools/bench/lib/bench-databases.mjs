/*
 * One database per dataset (shape and N), kept between runs. Its name ends with the dataset's
 * fingerprint, so a changed generator, schema or install rows builds a new one (and drops the
 * stale one of the same shape and N). A dataset is loaded under a temporary name and renamed
 * when complete: a load cut short is never mistaken for a dataset.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadDataset } from './dataset/dataset.mjs';

export const DEFAULT_ADMIN_URL = 'postgresql://wazo_confgend_ci:wazo_confgend_ci@127.0.0.1:5432/postgres';
const PREFIX = 'wcg_bench_';

/** A superuser URL of the server the benchmark databases live on. */
export function adminUrl() {
  return process.env.WAZO_CONFGEND_BENCH_DB_URL || process.env.WAZO_CONFGEND_TEST_DB_URL || DEFAULT_ADMIN_URL;
}

export function databaseUrl(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const familyOf = (shape, users) => `${PREFIX}${shape.replaceAll('-', '_')}_${users}_`;
const LOADING_SUFFIX = '_loading';

async function benchDatabases(admin, pattern) {
  const { rows } = await admin.query('SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname', [pattern]);
  return rows.map((row) => row.datname);
}

const dropDatabase = (admin, name) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);

/**
 * The database of a prepared dataset: reused if it exists, else built (stale versions of the
 * same shape and N dropped first). `loadMs` is null when it was reused.
 */
export async function ensureDatabase(serverUrl, prepared) {
  const { shape, users } = prepared.layout;
  const family = familyOf(shape, users);
  const name = `${family}${prepared.fingerprint}`;
  const existing = await withClient(serverUrl, (admin) => benchDatabases(admin, family));
  if (existing.includes(name)) return { name, url: databaseUrl(serverUrl, name), loadMs: null };

  const loading = `${name}${LOADING_SUFFIX}`;
  await withClient(serverUrl, async (admin) => {
    for (const stale of existing) await dropDatabase(admin, stale);
    await admin.query(
      `CREATE DATABASE "${loading}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
    );
  });
  const started = performance.now();
  try {
    await withClient(databaseUrl(serverUrl, loading), (client) => loadDataset(client, prepared));
    await withClient(serverUrl, (admin) => admin.query(`ALTER DATABASE "${loading}" RENAME TO "${name}"`));
  } catch (error) {
    await withClient(serverUrl, (admin) => dropDatabase(admin, loading)).catch(() => undefined);
    throw error;
  }
  return { name, url: databaseUrl(serverUrl, name), loadMs: performance.now() - started };
}

/** Drops every benchmark database of the server; returns their names. */
export async function dropBenchDatabases(serverUrl) {
  return withClient(serverUrl, async (admin) => {
    const names = await benchDatabases(admin, PREFIX);
    for (const name of names) await dropDatabase(admin, name);
    return names;
  });
}

#!/usr/bin/env node
/*
 * Time and peak memory of generating asterisk/pjsip.conf for N users.
 *
 *   npm run build && node tools/bench/pjsip.mjs [N ...] [--runs R] [--driver <package>|floor]
 *
 * For each N: a fresh database (on WAZO_CONFGEND_TEST_DB_URL if set, else an embedded
 * PostgreSQL 15 in a temporary directory), the real Wazo schema (../shared/wazo-schema.sql, else
 * the tables built from the entities), the synthetic dataset, then R generations, each in a new
 * Node process. Everything it creates is removed at the end, also on failure or Ctrl-C.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { loadBenchDataset } from './lib/bench-dataset.mjs';

const DEFAULT_SIZES = [1000, 5000, 20000];
const DEFAULT_DRIVER = '@wazo-confgend/driver-asterisk-pjsip';
const GENERATE_ONCE = fileURLToPath(new URL('./lib/generate-once.mjs', import.meta.url));

function parseArguments(argv) {
  const options = { sizes: [], runs: 5, driver: DEFAULT_DRIVER };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === '--runs') options.runs = Number(argv[++index]);
    else if (argument === '--driver') options.driver = argv[++index];
    else if (/^\d+$/.test(argument)) options.sizes.push(Number(argument));
    else throw new Error(`unknown argument ${argument}: usage: pjsip.mjs [N ...] [--runs R] [--driver <package>|floor]`);
  }
  if (!(options.runs >= 1)) throw new Error('--runs needs a number of runs, at least 1');
  if (options.sizes.length === 0) options.sizes = DEFAULT_SIZES;
  return options;
}

async function importBuilt() {
  try {
    const dao = await import('@wazo-confgend/dao');
    const testing = await import('@wazo-confgend/dao/testing');
    return { ...dao, ...testing };
  } catch (error) {
    throw new Error(`the packages are not built: run \`npm run build\` first (${error.message})`, { cause: error });
  }
}

/** A PostgreSQL server to create the benchmark databases on, and how to get rid of it. */
async function startServer(dao) {
  const configured = process.env[dao.TEST_DB_URL_VARIABLE];
  if (configured) return { adminUrl: configured, kind: 'configured server', stop: async () => undefined };
  const root = await mkdtemp(join(tmpdir(), 'wazo-confgend-bench-'));
  // As root the cluster runs as the postgres user, who must be able to reach its directory.
  await chmod(root, 0o755);
  try {
    const embedded = await dao.startEmbeddedPostgres({ dataDir: join(root, 'pg', 'data') });
    return {
      adminUrl: embedded.adminUrl,
      kind: 'embedded PostgreSQL 15',
      stop: async () => {
        await embedded.stop();
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createDatabase(dao, server, users) {
  const name = `wcg_bench_${users}_${randomBytes(4).toString('hex')}`;
  await withClient(server.adminUrl, (admin) =>
    admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`),
  );
  const url = dao.databaseUrl(server.adminUrl, name);
  const drop = () =>
    withClient(server.adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined);
  return { name, url, drop };
}

async function loadSchema(dao, url) {
  const shared = dao.findSharedReference();
  if (shared) {
    const { readFile } = await import('node:fs/promises');
    const sql = await readFile(shared.schemaSql, 'utf8');
    await withClient(url, (client) => client.query(sql));
    return 'real Wazo schema';
  }
  await dao.createSchemaFromEntities(url);
  return 'schema from the entities';
}

const execFileAsync = promisify(execFile);

async function generateOnce(url, driver) {
  try {
    const { stdout } = await execFileAsync(process.execPath, [GENERATE_ONCE, url, driver], {
      maxBuffer: 256 * 2 ** 20,
    });
    return JSON.parse(stdout.trim().split('\n').at(-1));
  } catch (error) {
    throw new Error(`the generation with ${driver} failed:\n${error.stderr ?? error.message}`, { cause: error });
  }
}

/** Server-side execution time of the statements one generation ran (EXPLAIN ANALYZE, same snapshot kind). */
async function serverExecutionMs(url, queries) {
  return withClient(url, async (client) => {
    await client.query('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      let total = 0;
      for (const { sql, parameters } of queries) {
        const { rows } = await client.query(`EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${sql}`, parameters);
        const plan = rows[0]['QUERY PLAN'];
        total += (Array.isArray(plan) ? plan : JSON.parse(plan))[0]['Execution Time'];
      }
      return total;
    } finally {
      await client.query('ROLLBACK');
    }
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const seconds = (ms) => (ms / 1000).toFixed(3);
const megabytes = (value) => value.toFixed(0);

/** The database being measured, dropped by the signal handler if the run is interrupted. */
let current;

async function benchmark(dao, server, users, options) {
  const database = await createDatabase(dao, server, users);
  current = database;
  try {
    const schema = await loadSchema(dao, database.url);
    const loadStarted = performance.now();
    const report = await withClient(database.url, (client) => loadBenchDataset(client, { users }));
    const loadMs = performance.now() - loadStarted;
    if (report.skippedTables.length > 0) {
      console.error(`N=${users}: the ${schema} has no ${report.skippedTables.join(', ')}: those rows were left out`);
    }
    const runs = [];
    for (let run = 0; run < options.runs; run += 1) runs.push(await generateOnce(database.url, options.driver));
    const [first] = runs;
    const rest = runs.length > 1 ? runs.slice(1) : runs;
    const last = runs.at(-1);
    const serverMs = await serverExecutionMs(database.url, last.queries);
    const totalMs = median(rest.map((run) => run.totalMs));
    const queryMs = median(rest.map((run) => run.queryMs));
    return {
      users,
      schema,
      loadMs,
      bytes: last.bytes,
      lines: last.lines,
      firstMs: first.totalMs,
      totalMs,
      queryMs,
      statements: last.queries.length,
      serverMs,
      jsMs: totalMs - queryMs,
      maxRssMb: Math.max(...runs.map((run) => run.maxRssKb)) / 1024,
      heapTotalMb: Math.max(...runs.map((run) => run.heapTotalMb)),
    };
  } finally {
    current = undefined;
    await database.drop();
  }
}

function printTable(results, options, serverKind) {
  const header = [
    'N users',
    'output lines',
    'output MB',
    'first s',
    `median s`,
    'SQL wait s',
    'SQL server s',
    'JS s',
    'statements',
    'peak RSS MB',
    'heap MB',
  ];
  const rows = results.map((result) => [
    String(result.users),
    String(result.lines),
    (result.bytes / 1e6).toFixed(2),
    seconds(result.firstMs),
    seconds(result.totalMs),
    seconds(result.queryMs),
    seconds(result.serverMs),
    seconds(result.jsMs),
    String(result.statements),
    megabytes(result.maxRssMb),
    megabytes(result.heapTotalMb),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) => `| ${cells.map((cell, column) => cell.padStart(widths[column])).join(' | ')} |`;
  console.log(`\npjsip.conf with ${options.driver}, ${options.runs} runs per size, ${serverKind}, ${results[0]?.schema}`);
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  console.log(
    '\nfirst: the first generation after loading; median: of the other runs. SQL wait: time with a statement\n' +
      'outstanding (server + transfer + row parsing); SQL server: EXPLAIN ANALYZE execution time of the same\n' +
      'statements; JS: median minus SQL wait (resolution and rendering). Peak RSS and heap: the largest of the\n' +
      'runs, each generation in its own process.',
  );
  console.log(`dataset load times: ${results.map((result) => `N=${result.users} ${seconds(result.loadMs)} s`).join(', ')}`);
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const dao = await importBuilt();
  const server = await startServer(dao);
  const stopOnSignal = () => {
    Promise.resolve(current?.drop())
      .catch(() => undefined)
      .then(() => server.stop())
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    const results = [];
    for (const users of options.sizes) {
      console.error(`N=${users}: loading and generating...`);
      results.push(await benchmark(dao, server, users, options));
    }
    printTable(results, options, server.kind);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

#!/usr/bin/env node
/*
 * Time and peak memory of generating configuration files from synthetic Wazo databases.
 *
 *   npm run build && node tools/bench/generate.mjs [FILE ...] [N ...] [--shapes S,S] [--runs R]
 *                                                  [--config-file config.yml] [--clean]
 *
 * For each shape and N: the dataset's database (reused, or built on the real Wazo schema), then
 * for each file R generations through the built driver package, each in a new Node process.
 * See README.md.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { adminUrl, dropBenchDatabases, ensureDatabase, withClient } from './lib/bench-databases.mjs';
import { prepareDataset } from './lib/dataset/dataset.mjs';
import { SHAPES } from './lib/dataset/layout.mjs';
import { findBuiltDriver } from './lib/find-driver.mjs';
import { printTable } from './lib/report.mjs';

const DEFAULT_FILES = ['asterisk/pjsip.conf'];
const DEFAULT_SIZES = [1000, 5000, 20000];
const GENERATE_ONCE = fileURLToPath(new URL('./lib/generate-once.mjs', import.meta.url));
const USAGE =
  'usage: generate.mjs [FILE ...] [N ...] [--shapes small-tenants,large-tenants] [--runs R] [--config-file F] [--clean]';

function parseArguments(argv) {
  const options = { files: [], sizes: [], shapes: SHAPES, runs: 3, configFile: undefined, clean: false };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === '--runs') options.runs = Number(argv[++index]);
    else if (argument === '--shapes') options.shapes = String(argv[++index]).split(',');
    else if (argument === '--config-file') options.configFile = argv[++index];
    else if (argument === '--clean') options.clean = true;
    else if (/^\d+$/.test(argument)) options.sizes.push(Number(argument));
    else if (argument.includes('/') && !argument.startsWith('-')) options.files.push(argument);
    else throw new Error(`unknown argument ${argument}\n${USAGE}`);
  }
  if (!(Number.isInteger(options.runs) && options.runs >= 1)) throw new Error('--runs needs a whole number of runs, at least 1');
  const unknown = options.shapes.filter((shape) => !SHAPES.includes(shape));
  if (unknown.length > 0) throw new Error(`unknown shape ${unknown.join(', ')}: one of ${SHAPES.join(', ')}`);
  if (options.files.length === 0) options.files = DEFAULT_FILES;
  if (options.sizes.length === 0) options.sizes = DEFAULT_SIZES;
  return options;
}

async function sharedReference() {
  let testing;
  try {
    testing = await import('@wazo-confgend/dao/testing');
  } catch (error) {
    throw new Error(`the packages are not built: run \`npm run build\` first (${error.message})`, { cause: error });
  }
  const shared = testing.findSharedReference();
  if (!shared) throw new Error(`the benchmark needs the real Wazo schema: ${testing.SHARED_REFERENCE_MISSING}`);
  return shared;
}

const execFileAsync = promisify(execFile);

async function generateOnce(url, driver, configFile) {
  const args = [GENERATE_ONCE, url, driver.modulePath, driver.exportName, ...(configFile ? [configFile] : [])];
  try {
    const { stdout } = await execFileAsync(process.execPath, args, { maxBuffer: 256 * 2 ** 20 });
    return JSON.parse(stdout.trim().split('\n').at(-1));
  } catch (error) {
    throw new Error(`${driver.packageName} failed:\n${error.stderr || error.message}`, { cause: error });
  }
}

/** Server-side execution time of the statements one generation ran, in the same kind of snapshot. */
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

async function measure(url, driver, options) {
  const runs = [];
  for (let run = 0; run < options.runs; run += 1) runs.push(await generateOnce(url, driver, options.configFile));
  const [first] = runs;
  const rest = runs.length > 1 ? runs.slice(1) : runs;
  const last = runs.at(-1);
  const largest = runs.reduce((a, b) => (b.maxRssKb > a.maxRssKb ? b : a));
  return {
    lines: last.lines,
    bytes: last.bytes,
    firstMs: first.totalMs,
    medianMs: median(rest.map((run) => run.totalMs)),
    queryMs: median(rest.map((run) => run.queryMs)),
    serverMs: await serverExecutionMs(url, last.queries),
    statements: last.queries.length,
    maxRssMb: largest.maxRssKb / 1024,
    heapMb: largest.heapTotalMb,
  };
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const server = adminUrl();
  if (options.clean) {
    const dropped = await dropBenchDatabases(server);
    console.log(dropped.length > 0 ? `dropped ${dropped.join(', ')}` : 'no benchmark database to drop');
    return;
  }
  const shared = await sharedReference();
  const drivers = new Map();
  for (const file of options.files) {
    const driver = await findBuiltDriver(file);
    drivers.set(file, driver);
    if (!driver.built) console.error(`${file}: not built (${driver.reason}), skipped`);
  }
  const results = [];
  for (const shape of options.shapes) {
    for (const users of options.sizes) {
      const prepared = await prepareDataset({
        shape,
        users,
        schemaSqlPath: shared.schemaSql,
        fixtureSqlPath: shared.fixtureSql('dev'),
      });
      const database = await ensureDatabase(server, prepared);
      console.error(
        `${shape} N=${users}: ${database.name} ${database.loadMs === null ? 'reused' : `loaded in ${(database.loadMs / 1000).toFixed(1)} s`}`,
      );
      for (const [file, driver] of drivers) {
        const row = { users, shape, file };
        if (!driver.built) results.push({ ...row, note: 'not built' });
        else {
          try {
            results.push({ ...row, ...(await measure(database.url, driver, options)) });
          } catch (error) {
            console.error(`${shape} N=${users} ${file}: ${error.message}`);
            results.push({ ...row, note: 'failed (see above)' });
          }
        }
      }
    }
  }
  results.sort((a, b) => a.file.localeCompare(b.file) || a.shape.localeCompare(b.shape) || a.users - b.users);
  printTable(results, options);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

/*
 * One generation in a fresh process, so peak memory is this generation's alone.
 * Usage: node generate-once.mjs <database url> <driver module file> <export> [config file]
 * Runs the driver as the service does (built with the merged configuration, generate() inside
 * the read-only session scope) and prints one JSON line: time, output size, time spent waiting
 * on SQL and the statements run, peak RSS, heap.
 */
import { Buffer } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { DEFAULT_CONFIG, loadConfig } from '@wazo-confgend/core';
import { createDataSource, ReadOnlySessionScope } from '@wazo-confgend/dao';

const [url, modulePath, exportName, configFile] = process.argv.slice(2);
if (!url || !modulePath || !exportName) {
  throw new Error('usage: generate-once.mjs <database url> <driver module file> <export> [config file]');
}

/**
 * Wall time during which at least one SQL statement was outstanding: the server's work, the
 * transfer and pg's row parsing, as the driver waits for them.
 */
function instrument(dataSource) {
  const stats = { queryMs: 0, queries: [] };
  let outstanding = 0;
  let since = 0;
  const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (...args) => {
    const runner = createQueryRunner(...args);
    const query = runner.query.bind(runner);
    runner.query = async (sql, parameters, ...rest) => {
      if (outstanding++ === 0) since = performance.now();
      try {
        return await query(sql, parameters, ...rest);
      } finally {
        if (--outstanding === 0) stats.queryMs += performance.now() - since;
        if (/^\s*(SELECT|WITH)\b/i.test(sql)) stats.queries.push({ sql, parameters: parameters ?? [] });
      }
    };
    return runner;
  };
  return stats;
}

/** Counted in place: splitting a 30 MB file would add its own peak to the memory measured. */
function countLines(content) {
  let lines = 0;
  for (let at = content.indexOf('\n'); at !== -1; at = content.indexOf('\n', at + 1)) lines += 1;
  return content.length > 0 && !content.endsWith('\n') ? lines + 1 : lines;
}

const Driver = (await import(pathToFileURL(modulePath).href))[exportName];
if (typeof Driver !== 'function') throw new Error(`${modulePath} does not export a class ${exportName}`);
const config = configFile ? (await loadConfig(configFile)).config : JSON.parse(JSON.stringify(DEFAULT_CONFIG));
const dataSource = await createDataSource(url, { poolSize: 1 }).initialize();
const stats = instrument(dataSource);
try {
  const driver = new Driver(config);
  const scope = new ReadOnlySessionScope(dataSource, { statementTimeoutMs: 300_000 });
  const started = performance.now();
  const content = (await scope.run(async () => driver.generate())) ?? '';
  const totalMs = performance.now() - started;
  const memory = process.memoryUsage();
  process.stdout.write(
    `${JSON.stringify({
      totalMs,
      queryMs: stats.queryMs,
      queries: stats.queries,
      bytes: Buffer.byteLength(content),
      lines: countLines(content),
      maxRssKb: process.resourceUsage().maxRSS,
      heapUsedMb: memory.heapUsed / 2 ** 20,
      heapTotalMb: memory.heapTotal / 2 ** 20,
    })}\n`,
  );
} finally {
  await dataSource.destroy();
}

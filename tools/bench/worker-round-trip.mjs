#!/usr/bin/env node
// What running a driver in a generation thread costs on a small file: the same driver called
// in this thread, then through the daemon's DriverRunner (dispatch, run, bytes moved back).
// Usage: npm run build && node tools/bench/worker-round-trip.mjs [runs]
import { Buffer } from 'node:buffer';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG, DriverRunner, constructDriver, generateContent, importDriver } from '../../packages/core/dist/index.js';

const runs = Number(process.argv[2] ?? 2000);
const dir = await mkdtemp(join(tmpdir(), 'wcg-round-trip-'));
const content = '[general]\nrtpstart = 10000\nrtpend = 20000\n'.repeat(4);
await writeFile(join(dir, 'package.json'), '{"type": "module"}');
await writeFile(join(dir, 'driver.js'), `export class Small { generate() { return ${JSON.stringify(content)}; } }\n`);
const driver = {
  packageName: 'bench', packageVersion: '1.0.0', packageDir: dir, namespace: 'asterisk.rtp.conf', name: 'bench',
  modulePath: join(dir, 'driver.js'), exportName: 'Small', events: [], origin: 'plugin_paths',
};

const percentile = (sorted, share) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
const summary = (label, samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return `| ${label} | ${(percentile(sorted, 0.5) * 1000).toFixed(0)} µs | ${(percentile(sorted, 0.99) * 1000).toFixed(0)} µs |`;
};

const inThread = constructDriver(await importDriver(driver), DEFAULT_CONFIG, driver);
const direct = [];
for (let run = 0; run < runs; run += 1) {
  const started = performance.now();
  Buffer.from(await generateContent(inThread, driver, 'asterisk/rtp.conf'));
  direct.push(performance.now() - started);
}

const runner = new DriverRunner({ config: { ...DEFAULT_CONFIG, workers: { count: 2, heap_limit_mb: 256 } }, sessionModule: null });
await runner.warmUp();
const threaded = [];
for (let run = 0; run < runs; run += 1) {
  const started = performance.now();
  await runner.run({ driver, file: 'asterisk/rtp.conf', dbUri: null });
  threaded.push(performance.now() - started);
}
const concurrent = 20;
const started = performance.now();
await Promise.all(Array.from({ length: concurrent }, async () => {
  for (let run = 0; run < runs / concurrent; run += 1) await runner.run({ driver, file: 'asterisk/rtp.conf', dbUri: null });
}));
const perSecond = runs / ((performance.now() - started) / 1000);
await runner.close({ force: true });
await rm(dir, { recursive: true, force: true });

console.log(`${runs} generations of a ${content.length}-byte file, no database`);
console.log('| how | p50 | p99 |\n|---|---:|---:|');
console.log(summary('in this thread', direct));
console.log(summary('through a generation thread', threaded));
console.log(`through 2 generation threads, ${concurrent} at once: ${perSecond.toFixed(0)} generations/s`);

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * The daemon imports drivers with plain Node in its generation threads, not through vitest's
 * module runner: this runs the built package in a child `node` so the import errors checked are
 * the ones production sees, carried back from the thread with their details.
 */
const distIndex = join(dirname(fileURLToPath(import.meta.url)), '../dist/index.js');

const SCRIPT = `
import { ConfgendService, ContentStore, DEFAULT_CONFIG, DriverRegistry, DriverRunner } from ${JSON.stringify(distIndex)};
const root = process.argv.at(-1);
const registry = await DriverRegistry.discover({ pluginPaths: [], pluginDir: root + '/plugins', hostPackageDir: root + '/host' });
const plugins = { 'asterisk.sip.conf': 'my_driver', 'asterisk.dep.conf': 'wazo', 'asterisk.gone.conf': 'wazo' };
const config = { ...DEFAULT_CONFIG, plugins, workers: { count: 1, heap_limit_mb: 128 } };
const runner = new DriverRunner({ config, sessionModule: null });
const service = new ConfgendService({ config, registry, store: new ContentStore(root + '/cache'), runner, databaseUri: () => null });
const results = {};
for (const filename of ['sip.conf', 'dep.conf', 'gone.conf']) {
  const outcome = await service.generate({ resource: 'asterisk', filename });
  results[filename] = outcome.status === 'generated' ? outcome.content.toString() : { code: outcome.error.code, ...outcome.error.details };
}
await runner.close({ force: true });
console.log(JSON.stringify({ problems: registry.problems.map((problem) => problem.code), results }));
`;

const drivers = [
  { namespace: 'wazo_confgend.asterisk.sip.conf', name: 'my_driver', module: './driver.js', export: 'MyDriver' },
  { namespace: 'asterisk.dep.conf', name: 'wazo', module: './needs-dependency.js' },
  { namespace: 'asterisk.gone.conf', name: 'wazo', module: './dist/not-built.js' },
];

describe.skipIf(!existsSync(distIndex))('built package under plain Node', () => {
  let root = '';

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'wcg-core-native-'));
    const packageDir = join(root, 'plugins/node_modules/wazo-confgend-driversample');
    await mkdir(packageDir, { recursive: true });
    await mkdir(join(root, 'host'));
    await writeFile(join(root, 'host/package.json'), '{}');
    await writeFile(join(root, 'plugins/package.json'), JSON.stringify({ dependencies: { 'wazo-confgend-driversample': '1.0.0' } }));
    await writeFile(
      join(packageDir, 'package.json'),
      JSON.stringify({ name: 'wazo-confgend-driversample', version: '0.0.1', type: 'module', wazoConfgend: { apiVersion: 1, drivers } }),
    );
    await writeFile(join(packageDir, 'driver.js'), `export class MyDriver {\n  constructor(config) { this._config = config; }\n  generate() { return 'Hello World!'; }\n}\n`);
    await writeFile(join(packageDir, 'needs-dependency.js'), `import 'wcg-absent-dependency';\nexport default class { generate() { return 'x'; } }\n`);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('runs the seed example and tells a missing dependency from a missing module file', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', SCRIPT, root]);
    const report = JSON.parse(stdout) as { problems: string[]; results: Record<string, unknown> };
    expect(report.problems).toEqual([]);
    expect(report.results['sip.conf']).toBe('Hello World!');
    expect(report.results['dep.conf']).toMatchObject({ code: 'WCG_ERR_DRIVER_LOAD', reason: 'dependency-missing', missing: 'wcg-absent-dependency' });
    expect(report.results['gone.conf']).toMatchObject({ code: 'WCG_ERR_DRIVER_LOAD', reason: 'module-missing' });
  });
});

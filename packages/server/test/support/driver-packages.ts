import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace's dao package, linked into driver packages that query the database. */
const daoPackageDir = fileURLToPath(new URL('../../../dao', import.meta.url));

export interface DriverSpec {
  packageName: string;
  namespace: string;
  name?: string;
  /** Source of `index.js` (an ES module). */
  source: string;
  /** Link @wazo-confgend/dao into the package's node_modules, as npm would install its peer. */
  withDao?: boolean;
  /** The bus events the manifest declares. */
  events?: string[];
}

/** Writes a throw-away driver package; returns its directory (for `plugin_paths`). */
export async function writeDriverPackage(root: string, spec: DriverSpec): Promise<string> {
  const directory = join(root, spec.packageName);
  await mkdir(directory, { recursive: true });
  const manifest = {
    name: spec.packageName,
    version: '1.0.0',
    type: 'module',
    peerDependencies: { '@wazo-confgend/core': '^1.0.0' },
    wazoConfgend: { apiVersion: 1, drivers: [{ namespace: spec.namespace, name: spec.name ?? 'wazo', module: './index.js', export: 'default', events: spec.events ?? [] }] },
  };
  await writeFile(join(directory, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(join(directory, 'index.js'), spec.source);
  if (spec.withDao) {
    const link = join(directory, 'node_modules', '@wazo-confgend', 'dao');
    await mkdir(dirname(link), { recursive: true });
    await symlink(daoPackageDir, link, 'dir');
  }
  return directory;
}

const plain = (body: string) => `export default class Driver {\n  constructor(config) { this.config = config; }\n  ${body}\n}\n`;

/** The drivers the integration tests use, by the file they serve (`test/<name>`). */
export const TEST_DRIVERS: DriverSpec[] = [
  { packageName: 'driver-hello', namespace: 'test.hello.conf', source: plain("generate() { return 'Hello World!\\n'; }") },
  { packageName: 'driver-throws', namespace: 'test.throws.conf', source: plain("generate() { throw new Error('the driver broke'); }") },
  { packageName: 'driver-empty', namespace: 'test.empty.conf', source: plain("generate() { return ''; }") },
  { packageName: 'driver-hangs', namespace: 'test.hangs.conf', source: plain('generate() { return new Promise(() => {}); }') },
  { packageName: 'driver-broken-import', namespace: 'test.broken.conf', source: "throw new Error('this module cannot be imported');\n" },
  {
    packageName: 'driver-flaky',
    namespace: 'test.flaky.conf',
    // succeeds until the test creates the marker file named in its configuration
    source: `import { existsSync } from 'node:fs';\n${plain("generate() { if (existsSync(this.config.flaky_marker)) throw new Error('flaky failure'); return 'good content\\n'; }")}`,
  },
  {
    packageName: 'driver-slow',
    namespace: 'test.slow.conf',
    source: `let calls = 0;\n${plain("async generate() { const call = ++calls; await new Promise((resolve) => setTimeout(resolve, this.config.slow_ms ?? 2000)); return `slow call ${call}\\n`; }")}`,
  },
  {
    packageName: 'driver-sql',
    namespace: 'test.sql.conf',
    withDao: true,
    source: `import { currentSession } from '@wazo-confgend/dao';\n${plain(
      "async generate() { const [row] = await (await currentSession()).query('SELECT 1 AS one, current_setting(\\'transaction_read_only\\') AS ro'); return `one=${row.one} read_only=${row.ro}\\n`; }",
    )}`,
  },
  {
    packageName: 'driver-sql-write',
    namespace: 'test.write.conf',
    withDao: true,
    source: `import { currentSession } from '@wazo-confgend/dao';\n${plain(
      "async generate() { try { await (await currentSession()).query('CREATE TABLE written_by_driver (id int)'); return 'write accepted\\n'; } catch (error) { return `write refused: ${error.message}\\n`; } }",
    )}`,
  },
  // two packages claiming the same driver
  { packageName: 'driver-twin-a', namespace: 'test.twin.conf', source: plain("generate() { return 'a'; }") },
  { packageName: 'driver-twin-b', namespace: 'test.twin.conf', source: plain("generate() { return 'b'; }") },
];

/**
 * Installs a driver package as `npm install --prefix <pluginDir>` leaves it: under
 * node_modules, and named in the plugin directory's own package.json.
 */
export async function installInPluginDir(pluginDir: string, spec: DriverSpec & { version?: string }): Promise<string> {
  const directory = await writeDriverPackage(join(pluginDir, 'node_modules'), spec);
  if (spec.version) {
    const manifestPath = join(directory, 'package.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
    await writeFile(manifestPath, `${JSON.stringify({ ...manifest, version: spec.version }, null, 2)}\n`);
  }
  const listPath = join(pluginDir, 'package.json');
  const list = JSON.parse(await readFile(listPath, 'utf8')) as { dependencies?: Record<string, string> };
  list.dependencies = { ...list.dependencies, [spec.packageName]: spec.version ?? '1.0.0' };
  await writeFile(listPath, `${JSON.stringify(list, null, 2)}\n`);
  return directory;
}

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DiscoveredDriver } from '../loader/discover.js';

/** A fresh directory under the system temp dir; `cleanup()` removes it. */
export async function makeTempDir(prefix = 'wcg-core-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes `files` (relative path → content; objects are written as JSON) under `root`. */
export async function writeTree(root: string, files: Record<string, string | object>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
}

export interface DriverPackageSpec {
  name: string;
  version?: string;
  drivers?: Array<{ namespace: string; name: string; module?: string; export?: string }>;
  apiVersion?: unknown;
  coreRange?: string;
  /** Overrides the whole `wazoConfgend` field. */
  manifest?: unknown;
  /** Extra files of the package (relative path → content). */
  files?: Record<string, string | object>;
  dependencies?: Record<string, string>;
}

/** The seed's example driver, importing nothing from core. */
export const HELLO_DRIVER = `export class MyDriver {
  constructor(config) { this.config = config; }
  generate() { return 'Hello World!'; }
}
`;

/** Writes an ESM driver package at `dir` with a `wazoConfgend` manifest. */
export async function writeDriverPackage(dir: string, spec: DriverPackageSpec): Promise<void> {
  const drivers = spec.drivers ?? [{ namespace: 'asterisk.sip.conf', name: 'my_driver', module: './index.js', export: 'MyDriver' }];
  const pkgJson: Record<string, unknown> = {
    name: spec.name,
    version: spec.version ?? '1.0.0',
    type: 'module',
    exports: { '.': './index.js', './package.json': './package.json' },
    wazoConfgend: spec.manifest ?? { apiVersion: spec.apiVersion ?? 1, drivers: drivers.map((driver) => ({ module: './index.js', ...driver })) },
  };
  if (spec.coreRange !== undefined) pkgJson['peerDependencies'] = { '@wazo-confgend/core': spec.coreRange };
  if (spec.dependencies) pkgJson['dependencies'] = spec.dependencies;
  await writeTree(dir, { 'package.json': pkgJson, 'index.js': HELLO_DRIVER, ...spec.files });
}

/** A discovered driver pointing at `modulePath`, for loader tests that skip discovery. */
export function discovered(modulePath: string, exportName = 'default', overrides: Partial<DiscoveredDriver> = {}): DiscoveredDriver {
  return {
    packageName: 'test-driver',
    packageVersion: '1.0.0',
    packageDir: dirname(modulePath),
    namespace: 'asterisk.sip.conf',
    name: 'my_driver',
    modulePath,
    exportName,
    events: [],
    origin: 'plugin_paths',
    ...overrides,
  };
}

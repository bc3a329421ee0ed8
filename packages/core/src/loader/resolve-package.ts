import { access, readFile, realpath } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describeError, confgendError } from '../errors.js';

/** An installed package, found without importing any of its code. */
export interface PackageInfo {
  name: string;
  version: string;
  /** Real path of the package root. */
  packageDir: string;
  pkgJson: Record<string, unknown>;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * Where `name`'s package.json is, seen from `fromDir`. Node's resolver first; then the plain
 * `node_modules/<name>/package.json` of `fromDir` and its parents, because packages whose exports
 * hide package.json (or map `./*` to `./*.js`) make the resolver fail.
 */
async function locatePackageJson(fromDir: string, name: string): Promise<string | null> {
  try {
    return createRequire(join(fromDir, 'package.json')).resolve(`${name}/package.json`);
  } catch {
    for (let dir = fromDir; ; dir = dirname(dir)) {
      const candidate = join(dir, 'node_modules', name, 'package.json');
      if (await exists(candidate)) return candidate;
      if (dirname(dir) === dir) return null;
    }
  }
}

/** Reads the package whose root is `packageDir`. */
export async function readPackage(packageDir: string, expectedName?: string): Promise<PackageInfo> {
  const label = expectedName ?? packageDir;
  let pkgJson: unknown;
  let realDir: string;
  try {
    realDir = await realpath(packageDir);
    pkgJson = JSON.parse(await readFile(join(realDir, 'package.json'), 'utf8'));
  } catch (error) {
    throw confgendError('WCG_ERR_MANIFEST_INVALID', 'unreadable', { what: join(packageDir, 'package.json'), reason: describeError(error) }, {
      cause: error,
      details: { packageName: label, packageDir, jsonPath: '' },
    });
  }
  const record = (typeof pkgJson === 'object' && pkgJson !== null && !Array.isArray(pkgJson) ? pkgJson : {}) as Record<string, unknown>;
  const name = typeof record['name'] === 'string' ? record['name'] : undefined;
  if (name === undefined) {
    throw confgendError('WCG_ERR_MANIFEST_INVALID', 'noName', { packageName: label, packageDir }, { details: { packageName: label, packageDir, jsonPath: 'name' } });
  }
  const version = typeof record['version'] === 'string' ? record['version'] : '0.0.0';
  return { name, version, packageDir: realDir, pkgJson: record };
}

/** The installed dependency `name` as seen from `fromDir`, or `null` when it is not installed. */
export async function resolveDependency(fromDir: string, name: string): Promise<PackageInfo | null> {
  const packageJsonPath = await locatePackageJson(fromDir, name);
  return packageJsonPath === null ? null : readPackage(dirname(packageJsonPath), name);
}

/** The `dependencies` names of `<dir>/package.json`, or `null` when there is no package.json. */
export async function readDependencyNames(dir: string): Promise<string[] | null> {
  let text: string;
  try {
    text = await readFile(join(dir, 'package.json'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const pkgJson = JSON.parse(text) as { dependencies?: unknown };
  const dependencies = pkgJson.dependencies;
  return typeof dependencies === 'object' && dependencies !== null ? Object.keys(dependencies) : [];
}

import { realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { describeError, isConfgendError, confgendError } from '../errors.js';
import type { ConfgendError } from '../errors.js';
import { hasManifest, parseManifest } from './manifest.js';
import { readDependencyNames, readPackage, resolveDependency } from './resolve-package.js';
import type { PackageInfo } from './resolve-package.js';

export type DriverOrigin = 'plugin_paths' | 'plugin_dir' | 'host';

export interface DiscoveredDriver {
  packageName: string;
  packageVersion: string;
  packageDir: string;
  namespace: string;
  name: string;
  /** Absolute, inside `packageDir`. */
  modulePath: string;
  exportName: string;
  /** The bus events the manifest declares for this driver's file. */
  events: readonly string[];
  origin: DriverOrigin;
}

export interface DiscoveryOptions {
  /** Package directories, searched first (development and linked drivers). */
  pluginPaths: string[];
  /** A directory with its own package.json whose `dependencies` are the drivers operators installed. */
  pluginDir: string;
  /** The directory whose package.json `dependencies` are the drivers bundled with the host. */
  hostPackageDir: string;
}

export interface DiscoveryResult {
  drivers: DiscoveredDriver[];
  /** Packages or drivers that cannot be used. */
  problems: ConfgendError[];
  /** Findings that break nothing, e.g. a plugin_dir dependency that declares no driver. */
  warnings: ConfgendError[];
  /** Conflict errors by `driverId`. */
  conflicts: Map<string, ConfgendError>;
  /** Why each driver of an incompatible package cannot run, by `driverId`. */
  incompatible: Map<string, ConfgendError>;
}

export function driverId(namespace: string, name: string): string {
  return `${namespace}\u0000${name}`;
}

function asProblem(error: unknown, what: string): ConfgendError {
  return isConfgendError(error) ? error : confgendError('WCG_ERR_MANIFEST_INVALID', 'unreadable', { what, reason: describeError(error) }, { cause: error });
}

function noManifest(info: PackageInfo, where: string): ConfgendError {
  return confgendError('WCG_ERR_MANIFEST_INVALID', 'noManifest', { packageName: `${info.name}@${info.version}`, where }, {
    details: { packageName: info.name, jsonPath: 'wazoConfgend' },
  });
}

/** Real path of a driver module, checked to stay inside its package (symlinks included). */
async function moduleInside(info: PackageInfo, module: string): Promise<string | null> {
  const lexical = resolve(info.packageDir, module);
  const real = await realpath(lexical).catch(() => lexical);
  const inside = relative(info.packageDir, real);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? null : real;
}

async function driversOf(info: PackageInfo, origin: DriverOrigin, result: DiscoveryResult): Promise<void> {
  let entries;
  try {
    entries = parseManifest(info.pkgJson, info.name);
  } catch (error) {
    const problem = asProblem(error, `the manifest of ${info.name}`);
    result.problems.push(problem);
    if (problem.code === 'WCG_ERR_DRIVER_INCOMPATIBLE') recordIncompatible(info, problem, result);
    return;
  }
  for (const [index, entry] of entries.entries()) {
    const modulePath = await moduleInside(info, entry.module);
    if (modulePath === null) {
      const jsonPath = `wazoConfgend.drivers[${index}].module`;
      result.problems.push(
        confgendError('WCG_ERR_MANIFEST_INVALID', 'moduleOutside', { packageName: info.name, jsonPath, module: entry.module, packageDir: info.packageDir }, {
          details: { packageName: info.name, jsonPath },
        }),
      );
      continue;
    }
    result.drivers.push({
      packageName: info.name,
      packageVersion: info.version,
      packageDir: info.packageDir,
      namespace: entry.namespace,
      name: entry.name,
      modulePath,
      exportName: entry.export,
      events: entry.events,
      origin,
    });
  }
}

/** The drivers an incompatible package declares, so that selecting one says why it cannot run. */
function recordIncompatible(info: PackageInfo, problem: ConfgendError, result: DiscoveryResult): void {
  let entries;
  try {
    entries = parseManifest(info.pkgJson, info.name, { checkCompatibility: false });
  } catch {
    return;
  }
  for (const entry of entries) result.incompatible.set(driverId(entry.namespace, entry.name), problem);
}

function recordConflicts(result: DiscoveryResult): void {
  const byId = new Map<string, DiscoveredDriver[]>();
  for (const driver of result.drivers) {
    const id = driverId(driver.namespace, driver.name);
    byId.set(id, [...(byId.get(id) ?? []), driver]);
  }
  for (const [id, claimants] of byId) {
    if (claimants.length < 2) continue;
    const [first] = claimants;
    const packages = claimants.map((driver) => `${driver.packageName}@${driver.packageVersion} (${driver.packageDir})`);
    const error = confgendError(
      'WCG_ERR_DRIVER_CONFLICT',
      'sameDriver',
      { name: first?.name ?? '', namespace: first?.namespace ?? '', packages },
      { details: { namespace: first?.namespace, name: first?.name, packages: claimants.map((driver) => driver.packageName) } },
    );
    result.conflicts.set(id, error);
    result.problems.push(error);
  }
}

/**
 * Finds installed drivers from package.json files alone (no driver code runs): `pluginPaths`,
 * then the dependencies of `<pluginDir>/package.json`, then those of the host package. The first
 * place a package name is found wins. One bad package never stops the others.
 */
export async function discoverDrivers(options: DiscoveryOptions): Promise<DiscoveryResult> {
  const result: DiscoveryResult = { drivers: [], problems: [], warnings: [], conflicts: new Map(), incompatible: new Map() };
  const seen = new Set<string>();
  const accept = async (info: PackageInfo, origin: DriverOrigin, warnWithoutManifest: boolean): Promise<void> => {
    if (seen.has(info.name)) return;
    seen.add(info.name);
    if (hasManifest(info.pkgJson)) await driversOf(info, origin, result);
    else if (warnWithoutManifest) result.warnings.push(noManifest(info, origin));
  };

  for (const dir of options.pluginPaths) {
    try {
      await accept(await readPackage(resolve(dir)), 'plugin_paths', true);
    } catch (error) {
      result.problems.push(asProblem(error, `plugin_paths entry ${dir}`));
    }
  }

  const pluginDir = resolve(options.pluginDir);
  let pluginDeps: string[] | null = null;
  try {
    pluginDeps = await readDependencyNames(pluginDir);
  } catch (error) {
    result.problems.push(asProblem(error, join(pluginDir, 'package.json')));
  }
  for (const name of pluginDeps ?? []) {
    if (seen.has(name)) continue;
    try {
      const info = await resolveDependency(pluginDir, name);
      if (info) await accept(info, 'plugin_dir', true);
      else {
        result.problems.push(
          confgendError('WCG_ERR_DRIVER_NOT_FOUND', 'listedNotInstalled', { packageName: name, manifest: join(pluginDir, 'package.json'), pluginDir }, {
            details: { packageName: name, pluginDir },
          }),
        );
      }
    } catch (error) {
      result.problems.push(asProblem(error, `the package ${name}`));
    }
  }

  const hostDir = resolve(options.hostPackageDir);
  const hostDeps = await readDependencyNames(hostDir).catch(() => null);
  for (const name of hostDeps ?? []) {
    if (seen.has(name)) continue;
    // the host's other dependencies (fastify, pg...) are not drivers: nothing to report about them
    const info = await resolveDependency(hostDir, name).catch(() => null);
    if (info) await accept(info, 'host', false);
  }

  recordConflicts(result);
  return result;
}

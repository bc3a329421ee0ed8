import { describeError, importDriver, parseManifest } from '@wazo-confgend/core';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { registryOfPackage } from './package-registry.js';

export interface CheckedDriver {
  readonly namespace: string;
  readonly name: string;
  readonly module: string;
  readonly export: string;
}

export interface DriverPackageReport {
  readonly packageName: string;
  readonly packageVersion: string;
  readonly drivers: readonly CheckedDriver[];
}

/** Everything wrong with a driver package, listed at once. */
export class DriverPackageAssertionError extends Error {
  readonly problems: readonly string[];

  constructor(packageDir: string, problems: readonly string[]) {
    super(`${packageDir} is not a usable wazo-confgend driver package:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'DriverPackageAssertionError';
    this.problems = Object.freeze([...problems]);
  }
}

/**
 * Checks a driver package the way the service will use it: the `wazoConfgend` manifest (with
 * core's own parser), `./package.json` exported, and every declared module importable with an
 * export that is a class whose instances have `generate()`. Resolves with what was checked;
 * rejects with a `DriverPackageAssertionError` listing every problem.
 */
export async function assertDriverPackage(packageDir: string): Promise<DriverPackageReport> {
  const dir = resolve(packageDir);
  const pkgJson = await readPackageJson(dir);
  const packageName = typeof pkgJson['name'] === 'string' ? pkgJson['name'] : dir;
  const problems: string[] = [];

  let declared: CheckedDriver[] = [];
  try {
    declared = parseManifest(pkgJson, packageName);
    if (declared.length === 0) problems.push('package.json has no "wazoConfgend" field: it declares no driver');
  } catch (error) {
    problems.push(describeError(error));
  }
  if (!exportsPackageJson(pkgJson['exports'])) {
    problems.push('package.json "exports" must map "./package.json" to "./package.json" (the service reads manifests through it)');
  }
  if (problems.length > 0) throw new DriverPackageAssertionError(dir, problems);

  const registry = await registryOfPackage(dir);
  problems.push(...registry.problems.map((problem) => problem.message));
  for (const driver of registry.drivers()) {
    const label = `${driver.namespace}: ${driver.name} (${driver.exportName} of ${driver.modulePath})`;
    try {
      const DriverClass = await importDriver(driver);
      if (typeof (DriverClass.prototype as { generate?: unknown }).generate !== 'function') {
        problems.push(`${label} has no generate() method`);
      }
      if (DriverClass.length > 1) problems.push(`${label}: the constructor takes ${DriverClass.length} arguments; the service passes one (the configuration)`);
    } catch (error) {
      problems.push(describeError(error));
    }
  }
  if (problems.length > 0) throw new DriverPackageAssertionError(dir, problems);
  return {
    packageName,
    packageVersion: typeof pkgJson['version'] === 'string' ? pkgJson['version'] : '0.0.0',
    drivers: declared,
  };
}

async function readPackageJson(dir: string): Promise<Record<string, unknown>> {
  const path = join(dir, 'package.json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new DriverPackageAssertionError(dir, [`cannot read ${path}: ${describeError(error)}`]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new DriverPackageAssertionError(dir, [`${path} is not a JSON object`]);
  }
  return parsed as Record<string, unknown>;
}

/** No `exports` at all leaves every file reachable; an `exports` map must list package.json. */
function exportsPackageJson(exportsField: unknown): boolean {
  if (exportsField === undefined) return true;
  return typeof exportsField === 'object' && exportsField !== null && (exportsField as Record<string, unknown>)['./package.json'] === './package.json';
}

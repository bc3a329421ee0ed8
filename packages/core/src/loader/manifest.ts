import { isAbsolute, normalize, sep } from 'node:path';
import semver from 'semver';
import { fileKeyOfNamespace } from '../cache/file-key.js';
import { confgendError } from '../errors.js';
import type { ConfgendError } from '../errors.js';
import { CORE_PACKAGE_NAME, CORE_VERSION, SUPPORTED_API_VERSIONS } from './core-version.js';

/** One driver a package declares in its `wazoConfgend` manifest, namespace normalised. */
export interface DriverManifestEntry {
  /** `<resource>.<filename>`, the key of `plugins:` in the configuration. */
  namespace: string;
  name: string;
  /** Relative to the package root. */
  module: string;
  export: string;
  /** Wazo bus event names after which the file may change (`[]`: none declared). */
  events: string[];
}

export const MANIFEST_FIELD = 'wazoConfgend';
const FULL_NAMESPACE_PREFIX = 'wazo_confgend.';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function hasManifest(pkgJson: unknown): boolean {
  return isRecord(pkgJson) && Object.hasOwn(pkgJson, MANIFEST_FIELD);
}

/** `asterisk.pjsip.conf` from either `asterisk.pjsip.conf` or `wazo_confgend.asterisk.pjsip.conf`. */
export function normaliseNamespace(namespace: string): string {
  return namespace.startsWith(FULL_NAMESPACE_PREFIX) ? namespace.slice(FULL_NAMESPACE_PREFIX.length) : namespace;
}

function packageLabel(pkgJson: Record<string, unknown>, packageName: string): string {
  return typeof pkgJson['version'] === 'string' ? `${packageName}@${pkgJson['version']}` : packageName;
}

function invalid(packageName: string, jsonPath: string, problem: string): ConfgendError {
  return confgendError('WCG_ERR_MANIFEST_INVALID', 'badField', { packageName, jsonPath, problem }, { details: { packageName, jsonPath } });
}

function checkCompatibility(pkgJson: Record<string, unknown>, manifest: Record<string, unknown>, packageName: string): void {
  const label = packageLabel(pkgJson, packageName);
  const apiVersion = manifest['apiVersion'];
  if (!Number.isInteger(apiVersion)) throw invalid(packageName, `${MANIFEST_FIELD}.apiVersion`, 'must be an integer (the driver contract version, e.g. 1)');
  if (!SUPPORTED_API_VERSIONS.includes(apiVersion as number)) {
    throw confgendError(
      'WCG_ERR_DRIVER_INCOMPATIBLE',
      'apiVersion',
      { packageName: label, declared: String(apiVersion), core: `${CORE_PACKAGE_NAME}@${CORE_VERSION}`, supported: SUPPORTED_API_VERSIONS.join(', ') },
      { details: { packageName, declared: apiVersion, supported: [...SUPPORTED_API_VERSIONS] } },
    );
  }
  const peers = pkgJson['peerDependencies'];
  const range = isRecord(peers) ? peers[CORE_PACKAGE_NAME] : undefined;
  if (range === undefined) return;
  const jsonPath = `peerDependencies["${CORE_PACKAGE_NAME}"]`;
  if (typeof range !== 'string' || semver.validRange(range) === null) throw invalid(packageName, jsonPath, 'must be a semver range');
  if (!semver.satisfies(CORE_VERSION, range, { includePrerelease: true })) {
    throw confgendError(
      'WCG_ERR_DRIVER_INCOMPATIBLE',
      'coreRange',
      { packageName: label, range, coreName: CORE_PACKAGE_NAME, coreVersion: CORE_VERSION },
      { details: { packageName, declared: range, supported: CORE_VERSION } },
    );
  }
}

function parseEntry(value: unknown, jsonPath: string, packageName: string): DriverManifestEntry {
  if (!isRecord(value)) throw invalid(packageName, jsonPath, 'must be an object {namespace, name, module, export?}');
  const text = (field: string): string => {
    const fieldValue = value[field];
    if (typeof fieldValue !== 'string' || fieldValue.trim() === '') throw invalid(packageName, `${jsonPath}.${field}`, 'must be a non-empty string');
    return fieldValue;
  };
  const namespace = normaliseNamespace(text('namespace'));
  if (fileKeyOfNamespace(namespace) === null) {
    throw invalid(packageName, `${jsonPath}.namespace`, `must look like "<resource>.<filename>" (e.g. "asterisk.pjsip.conf"), got ${JSON.stringify(namespace)}`);
  }
  const module = text('module');
  const normalised = normalize(module);
  if (isAbsolute(module) || normalised === '..' || normalised.startsWith(`..${sep}`)) {
    throw invalid(packageName, `${jsonPath}.module`, `must be a path inside the package, got ${JSON.stringify(module)}`);
  }
  const exportName = value['export'] === undefined ? 'default' : text('export');
  const events = value['events'] ?? [];
  if (!Array.isArray(events) || !events.every((event) => typeof event === 'string' && /^[a-z][a-z0-9_]*$/.test(event))) {
    throw invalid(packageName, `${jsonPath}.events`, 'must be a list of bus event names such as "sip_endpoint_edited"');
  }
  return { namespace, name: text('name'), module, export: exportName, events: [...new Set(events as string[])] };
}

/**
 * Reads and checks the `wazoConfgend` manifest of a package.json without importing anything.
 * Returns `[]` for a package that has no manifest. Throws `WCG_ERR_MANIFEST_INVALID` for a bad
 * shape and `WCG_ERR_DRIVER_INCOMPATIBLE` when this core cannot run the package's drivers.
 */
export function parseManifest(pkgJson: unknown, packageName: string, options: { checkCompatibility?: boolean } = {}): DriverManifestEntry[] {
  if (!isRecord(pkgJson)) throw invalid(packageName, '', 'must be a JSON object');
  if (!Object.hasOwn(pkgJson, MANIFEST_FIELD)) return [];
  const manifest = pkgJson[MANIFEST_FIELD];
  if (!isRecord(manifest)) throw invalid(packageName, MANIFEST_FIELD, 'must be an object {apiVersion, drivers}');
  if (options.checkCompatibility !== false) checkCompatibility(pkgJson, manifest, packageName);
  const drivers = manifest['drivers'];
  if (!Array.isArray(drivers) || drivers.length === 0) throw invalid(packageName, `${MANIFEST_FIELD}.drivers`, 'must be a non-empty array');
  const seen = new Set<string>();
  return drivers.map((value: unknown, index) => {
    const jsonPath = `${MANIFEST_FIELD}.drivers[${index}]`;
    const entry = parseEntry(value, jsonPath, packageName);
    const id = `${entry.namespace}\u0000${entry.name}`;
    if (seen.has(id)) throw invalid(packageName, jsonPath, `declares ${entry.namespace}: ${entry.name} twice`);
    seen.add(id);
    return entry;
  });
}

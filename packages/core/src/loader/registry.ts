import type { ConfgendConfig } from '../config/config-types.js';
import { confgendError, isConfgendError, problemOf } from '../errors.js';
import type { ConfgendError, ErrorCode, Problem } from '../errors.js';
import { fileKeyOfNamespace, formatFileKey } from '../cache/file-key.js';
import { discoverDrivers, driverId } from './discover.js';
import type { DiscoveredDriver, DiscoveryOptions, DiscoveryResult } from './discover.js';

export interface DriverListing extends DiscoveredDriver {
  /** `plugins:` in the configuration picks this driver for its namespace. */
  selected: boolean;
  problems: Problem[];
}

const PACKAGE_PROBLEMS: ReadonlySet<ErrorCode> = new Set(['WCG_ERR_DRIVER_LOAD', 'WCG_ERR_DRIVER_INVALID', 'WCG_ERR_DRIVER_CONSTRUCT']);

function importKey(driver: DiscoveredDriver): string {
  return `${driver.modulePath}#${driver.exportName}`;
}

/** The drivers installed on this host, and the lazy import of the ones the configuration selects. */
export class DriverRegistry {
  readonly problems: readonly ConfgendError[];
  readonly warnings: readonly ConfgendError[];
  readonly #drivers: readonly DiscoveredDriver[];
  readonly #conflicts: ReadonlyMap<string, ConfgendError>;
  readonly #incompatible: ReadonlyMap<string, ConfgendError>;
  // keyed by module and export, so a copy of a descriptor (e.g. from list()) shares its problems
  readonly #loadErrors = new Map<string, ConfgendError>();
  readonly #options: DiscoveryOptions;

  private constructor(options: DiscoveryOptions, result: DiscoveryResult) {
    this.#options = options;
    this.#drivers = Object.freeze([...result.drivers]);
    this.#conflicts = result.conflicts;
    this.#incompatible = result.incompatible;
    this.problems = Object.freeze([...result.problems]);
    this.warnings = Object.freeze([...result.warnings]);
  }

  /** Never throws because of one bad package: what is wrong is collected in `problems`. */
  static async discover(options: DiscoveryOptions): Promise<DriverRegistry> {
    return new DriverRegistry(options, await discoverDrivers(options));
  }

  drivers(): readonly DiscoveredDriver[] {
    return this.#drivers;
  }

  /** Every installed driver, whether the configuration selects it, and what is known to be wrong with it. */
  list(config: ConfgendConfig): DriverListing[] {
    return this.#drivers.map((driver) => {
      const problems = [this.#conflicts.get(driverId(driver.namespace, driver.name)), this.#loadErrors.get(importKey(driver))]
        .filter((problem): problem is ConfgendError => problem !== undefined)
        .map((problem) => problemOf(problem, problem.code));
      const id = driverId(driver.namespace, driver.name);
      // a driver several packages claim serves nothing: none of them is the selected one
      return { ...driver, selected: config.plugins[driver.namespace] === driver.name && !this.#conflicts.has(id), problems };
    });
  }

  /** The driver `config.plugins[namespace]` names. */
  select(namespace: string, config: ConfgendConfig): DiscoveredDriver {
    const requested = config.plugins[namespace];
    if (typeof requested !== 'string' || requested === '') {
      const file = fileKeyOfNamespace(namespace);
      throw confgendError('WCG_ERR_UNKNOWN_FILE', 'notConfigured', { file: file === null ? namespace : formatFileKey(file), namespace }, { details: { namespace } });
    }
    const conflict = this.#conflicts.get(driverId(namespace, requested));
    if (conflict) throw conflict;
    const found = this.#drivers.find((driver) => driver.namespace === namespace && driver.name === requested);
    if (found) return found;
    const incompatible = this.#incompatible.get(driverId(namespace, requested));
    if (incompatible) {
      throw confgendError('WCG_ERR_DRIVER_INCOMPATIBLE', 'selected', { requested, namespace, reason: incompatible.message }, {
        cause: incompatible,
        details: { ...incompatible.details, namespace, requested },
      });
    }
    throw this.#notFound(namespace, requested);
  }

  /**
   * What the last run of a driver said about its package: an import, export or constructor
   * failure is listed with the driver until a run succeeds. Drivers are imported in the
   * generation threads only, never here.
   */
  noteRun(driver: DiscoveredDriver, error: unknown): void {
    const key = importKey(driver);
    if (isConfgendError(error) && PACKAGE_PROBLEMS.has(error.code)) this.#loadErrors.set(key, error);
    else if (error === null) this.#loadErrors.delete(key);
  }

  #notFound(namespace: string, requested: string): ConfgendError {
    const installed = this.#drivers
      .filter((driver) => driver.namespace === namespace)
      .map((driver) => `${driver.name} (${driver.packageName}@${driver.packageVersion})`);
    const pluginDir = this.#options.pluginDir;
    return confgendError(
      'WCG_ERR_DRIVER_NOT_FOUND',
      'notInstalled',
      { requested, namespace, installed, pluginDir, rejectedPackages: this.problems.length },
      { details: { namespace, requested, installed, pluginDir } },
    );
  }
}

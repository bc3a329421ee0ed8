import { describeError, isConfgendError, type ErrorCode } from '@wazo-confgend/core';
import type { Runtime } from './runtime.js';

export interface Problem {
  code: ErrorCode | string;
  message: string;
}

export interface DriverEntry {
  packageName: string;
  packageVersion: string;
  namespace: string;
  name: string;
  selected: boolean;
  origin: string;
  problems: Problem[];
}

/** One `plugins:` entry and whether an installed driver answers it. */
export interface Selection {
  namespace: string;
  name: string;
  packageName?: string;
  problem?: Problem;
}

export interface DriverReport {
  drivers: DriverEntry[];
  /** Packages discovery had to reject. */
  discoveryProblems: Problem[];
  selections: Selection[];
}

export function toProblem(error: unknown): Problem {
  return isConfgendError(error) ? { code: error.code, message: error.message } : { code: 'WCG_ERR_DRIVER_LOAD', message: describeError(error) };
}

/** What is installed, what the configuration selects, and every problem known without importing drivers. */
export function driverReport(runtime: Pick<Runtime, 'registry' | 'config'>): DriverReport {
  const { registry, config } = runtime;
  const drivers = registry.list(config).map((driver) => ({
    packageName: driver.packageName,
    packageVersion: driver.packageVersion,
    namespace: driver.namespace,
    name: driver.name,
    selected: driver.selected,
    origin: driver.origin,
    problems: driver.problems.map((problem) => ({ code: problem.code, message: problem.message })),
  }));
  const selections = Object.entries(config.plugins)
    .filter(([, name]) => typeof name === 'string' && name !== '')
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
    .map(([namespace, name]): Selection => {
      try {
        const driver = registry.select(namespace, config);
        return { namespace, name, packageName: driver.packageName };
      } catch (error) {
        return { namespace, name, problem: toProblem(error) };
      }
    });
  return { drivers, discoveryProblems: registry.problems.map(toProblem), selections };
}

/** Every distinct problem of a report, flattened, for a summary. */
export function reportProblems(report: DriverReport): Problem[] {
  const all = [
    ...report.discoveryProblems,
    ...report.selections.flatMap((selection) => (selection.problem ? [selection.problem] : [])),
    ...report.drivers.flatMap((driver) => driver.problems),
  ];
  const seen = new Set<string>();
  return all.filter((problem) => {
    const key = `${problem.code}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

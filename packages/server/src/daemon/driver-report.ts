import { problemOf, type Problem } from '@wazo-confgend/core';
import type { Runtime } from './runtime.js';

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

/** The same keys in `GET /1.0/drivers` and `wazo-confgend drivers --json`. */
export interface DriverReport {
  items: DriverEntry[];
  selections: Selection[];
  /** Packages discovery had to reject. */
  problems: Problem[];
}

export function toProblem(error: unknown): Problem {
  return problemOf(error, 'WCG_ERR_DRIVER_LOAD');
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
    problems: driver.problems,
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
  return { items: drivers, selections, problems: registry.problems.map(toProblem) };
}

/** Every distinct problem of a report, flattened, for a summary. */
export function reportProblems(report: DriverReport): Problem[] {
  const all = [
    ...report.problems,
    ...report.selections.flatMap((selection) => (selection.problem ? [selection.problem] : [])),
    ...report.items.flatMap((driver) => driver.problems),
  ];
  const seen = new Set<string>();
  return all.filter((problem) => {
    const key = `${problem.code}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

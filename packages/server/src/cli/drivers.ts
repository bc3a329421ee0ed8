import type { Problem } from '@wazo-confgend/core';
import { driverReport, type DriverEntry, type DriverReport } from '../daemon/driver-report.js';
import { findInstalledDrivers } from '../daemon/runtime.js';
import { EXIT_BAD_CONFIG, loadConfigOrReport, type CliIo } from './cli-io.js';

/** `wazo-confgend drivers`: every discovered driver, whether it is selected, and its problems. */
export async function driversCommand(options: { configFile: string; json: boolean }, io: CliIo): Promise<number> {
  const loaded = await loadConfigOrReport(options.configFile, io);
  if (!loaded) return EXIT_BAD_CONFIG;
  const registry = await findInstalledDrivers(loaded.config);
  const report = driverReport({ registry, config: loaded.config });
  io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return 0;
}

const CONFLICT = 'WCG_ERR_DRIVER_CONFLICT';

function problemKey(problem: Problem): string {
  return `${problem.code}\u0000${problem.message}`;
}

/** What the SELECTED column says: a driver `plugins:` names but several packages claim is used by none of them. */
function selectedCell(driver: DriverEntry, report: DriverReport): string {
  if (driver.selected) return 'yes';
  const named = report.selections.some((selection) => selection.namespace === driver.namespace && selection.name === driver.name);
  return named && driver.problems.some((problem) => problem.code === CONFLICT) ? 'conflict' : 'no';
}

/**
 * The table, then every distinct problem once: a conflict is known to each package involved, to
 * the `plugins` entry and to discovery, but it is one problem.
 */
export function formatReport(report: DriverReport): string {
  const header = ['PACKAGE', 'VERSION', 'NAMESPACE', 'NAME', 'SELECTED', 'ORIGIN'];
  const rows = report.items.map((driver) => [driver.packageName, driver.packageVersion, driver.namespace, driver.name, selectedCell(driver, report), driver.origin]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => `${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()}\n`;
  const printed = new Set<string>();
  const once = (problem: Problem, text: string): string => {
    if (printed.has(problemKey(problem))) return '';
    printed.add(problemKey(problem));
    return text;
  };

  let text = line(header);
  for (const [index, driver] of report.items.entries()) {
    text += line(rows[index] ?? []);
    for (const problem of driver.problems) {
      if (problem.code !== CONFLICT) text += once(problem, `    problem: ${problem.code}: ${problem.message}\n`);
    }
  }
  if (report.items.length === 0) text += '(no driver installed)\n';

  let selections = '';
  for (const selection of report.selections) {
    if (selection.problem) selections += once(selection.problem, `  ${selection.namespace}: ${selection.name}: ${selection.problem.code}: ${selection.problem.message}\n`);
  }
  if (selections) text += `\nplugins entries without a usable driver:\n${selections}`;

  let packages = '';
  for (const problem of report.problems) packages += once(problem, `  problem: ${problem.code}: ${problem.message}\n`);
  if (packages) text += `\npackages that cannot be used:\n${packages}`;
  return text;
}

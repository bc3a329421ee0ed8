import { driverReport, type DriverReport } from '../daemon/driver-report.js';
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

export function formatReport(report: DriverReport): string {
  const header = ['PACKAGE', 'VERSION', 'NAMESPACE', 'NAME', 'SELECTED', 'ORIGIN'];
  const rows = report.drivers.map((driver) => [
    driver.packageName,
    driver.packageVersion,
    driver.namespace,
    driver.name,
    driver.selected ? 'yes' : 'no',
    driver.origin,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => `${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()}\n`;
  let text = line(header);
  report.drivers.forEach((driver, index) => {
    text += line(rows[index] ?? []);
    for (const problem of driver.problems) text += `    problem: ${problem.code}: ${problem.message}\n`;
  });
  if (report.drivers.length === 0) text += '(no driver installed)\n';
  const unserved = report.selections.filter((selection) => selection.problem);
  if (unserved.length > 0) {
    text += '\nplugins entries without a usable driver:\n';
    for (const selection of unserved) text += `  ${selection.namespace}: ${selection.name}: ${selection.problem?.code}: ${selection.problem?.message}\n`;
  }
  if (report.discoveryProblems.length > 0) {
    text += '\npackages that could not be used:\n';
    for (const problem of report.discoveryProblems) text += `  ${problem.code}: ${problem.message}\n`;
  }
  return text;
}

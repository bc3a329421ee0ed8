import { spawn } from 'node:child_process';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ConfgendConfig, DiscoveredDriver, Problem } from '@wazo-confgend/core';
import { driverReport } from '../daemon/driver-report.js';
import { createDriverRunner, findInstalledDrivers } from '../daemon/runtime.js';
import { EXIT_BAD_CONFIG, loadConfigOrReport, type CliIo } from './cli-io.js';
import { commandLogger } from './command-logging.js';
import { hostPackageDirs, linkHostPackages, unlinkHostPackages } from './host-packages.js';
import { trialConstruction } from './trial-generation.js';

/**
 * npm options every install into the plugin directory needs. `--legacy-peer-deps`: a driver's
 * peer dependency on core is the daemon's own copy, linked afterwards; npm would otherwise look
 * it up on the registry (where it is not) and fail. `--install-links`: a directory is copied like
 * a tarball, so the driver imports the linked core, not whatever lies beside its sources.
 */
export const NPM_INSTALL_OPTIONS = ['--legacy-peer-deps', '--install-links', '--no-audit', '--no-fund'] as const;

const PLUGIN_DIR_PACKAGE = {
  name: 'wazo-confgend-plugins',
  private: true,
  description: 'Driver packages installed with `wazo-confgend install`',
};

/** A local tarball or directory is given relative to where the command runs, not to plugin_dir. */
export function absoluteSpec(spec: string, cwd: string): string {
  const looksLikePath = /^(\.{1,2}\/|\/)/.test(spec) || /\.(tgz|tar\.gz|tar)$/.test(spec);
  return looksLikePath && !spec.includes(':') ? resolve(cwd, spec) : spec;
}

export type NpmAction = 'install' | 'uninstall';

export function npmInstallArguments(pluginDir: string, specs: readonly string[], npmArguments: readonly string[], cwd: string, action: NpmAction = 'install'): string[] {
  const packages = action === 'install' ? specs.map((spec) => absoluteSpec(spec, cwd)) : specs;
  return [action, '--prefix', pluginDir, ...NPM_INSTALL_OPTIONS, ...npmArguments, ...packages];
}

async function ensurePluginDir(pluginDir: string): Promise<void> {
  await mkdir(pluginDir, { recursive: true });
  const manifest = join(pluginDir, 'package.json');
  const exists = await access(manifest).then(
    () => true,
    () => false,
  );
  if (!exists) await writeFile(manifest, `${JSON.stringify(PLUGIN_DIR_PACKAGE, null, 2)}\n`);
}

async function pluginDirDependencies(pluginDir: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(pluginDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  return Object.keys(manifest.dependencies ?? {});
}

/** Runs npm with its output on stderr (stdout carries the summary); resolves to its exit status. */
function runNpm(args: readonly string[], io: CliIo): Promise<number> {
  return new Promise((resolveStatus) => {
    const child = spawn('npm', [...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => io.stderr.write(chunk));
    child.stderr.on('data', (chunk: Buffer) => io.stderr.write(chunk));
    child.once('error', (error) => {
      io.stderr.write(`wazo-confgend: cannot run npm: ${error.message} (npm must be on PATH)\n`);
      resolveStatus(127);
    });
    child.once('close', (code) => resolveStatus(code ?? 1));
  });
}

/** Builds each plugin_dir driver in a generation thread, as the daemon would; one thread is enough. */
async function constructionProblems(config: ConfgendConfig, drivers: readonly DiscoveredDriver[], io: CliIo): Promise<Map<DiscoveredDriver, Problem>> {
  const problems = new Map<DiscoveredDriver, Problem>();
  if (drivers.length === 0) return problems;
  const runner = createDriverRunner({ ...config, workers: { ...config.workers, count: 1 } }, commandLogger(config, io));
  try {
    for (const driver of drivers) {
      const problem = await trialConstruction(runner, driver);
      if (problem) problems.set(driver, problem);
    }
  } finally {
    await runner.close({ force: true });
  }
  return problems;
}

/** What plugin_dir provides now, each driver built once; returns the number of problems. */
async function reportPluginDir(config: ConfgendConfig, pluginDir: string, io: CliIo): Promise<number> {
  const registry = await findInstalledDrivers(config);
  const report = driverReport({ registry, config });
  const drivers = registry.drivers().filter((driver) => driver.origin === 'plugin_dir');
  const built = await constructionProblems(config, drivers, io);
  let problemCount = 0;
  io.stdout.write(`drivers in ${pluginDir}:\n`);
  if (drivers.length === 0) io.stdout.write('  (none)\n');
  for (const driver of drivers) {
    const listed = report.items.find((entry) => entry.namespace === driver.namespace && entry.name === driver.name && entry.packageName === driver.packageName);
    const selection = listed?.selected
      ? 'selected'
      : `not selected (to use it: plugins: {${driver.namespace}: ${driver.name}} in a file of ${config.extra_config_files})`;
    io.stdout.write(`  ${driver.packageName}@${driver.packageVersion}  ${driver.namespace}: ${driver.name}  ${selection}\n`);
    const problems = [...(listed?.problems ?? []), ...(built.has(driver) ? [built.get(driver) as Problem] : [])];
    for (const problem of problems) io.stdout.write(`    problem: ${problem.code}: ${problem.message}\n`);
    problemCount += problems.length;
  }
  // packages of plugin_dir discovery rejected (bad manifest, incompatible); conflicts are listed with their drivers
  const installed = new Set(await pluginDirDependencies(pluginDir));
  const packageProblems = registry.problems.filter(
    (problem) => problem.code !== 'WCG_ERR_DRIVER_CONFLICT' && installed.has(String(problem.details['packageName'])),
  );
  for (const problem of packageProblems) io.stdout.write(`  problem: ${problem.code}: ${problem.message}\n`);
  return problemCount + packageProblems.length;
}

/**
 * `wazo-confgend install [<spec>...] [-- <npm options>]` (and `uninstall <name>...`): npm
 * changes plugin_dir, then the drivers there are given the daemon's own core and dao, and each
 * driver is built once in a generation thread to prove it loads. Exit 0 when every driver left
 * is usable, 1 when npm failed or a driver has a problem, 2 on a broken configuration.
 */
export async function installCommand(
  options: { command: NpmAction; configFile: string; specs: readonly string[]; npmArguments: readonly string[] },
  io: CliIo,
  cwd = process.cwd(),
): Promise<number> {
  const loaded = await loadConfigOrReport(options.configFile, io);
  if (!loaded) return EXIT_BAD_CONFIG;
  const { config } = loaded;
  const pluginDir = resolve(cwd, config.plugin_dir);
  let hostDirs;
  try {
    hostDirs = await hostPackageDirs();
  } catch (error) {
    io.stderr.write(`wazo-confgend: cannot find the daemon's own core and dao: ${(error as Error).message}\n`);
    return 1;
  }
  await ensurePluginDir(pluginDir);
  await unlinkHostPackages(pluginDir);
  let status: number;
  try {
    status = await runNpm(npmInstallArguments(pluginDir, options.specs, options.npmArguments, cwd, options.command), io);
  } finally {
    await linkHostPackages(pluginDir, hostDirs);
  }
  if (status !== 0) {
    io.stderr.write(`wazo-confgend: npm ${options.command} failed (exit status ${status}); ${pluginDir} is as npm left it\n`);
    return 1;
  }
  const problems = await reportPluginDir(config, pluginDir, io);
  io.stdout.write(
    problems > 0
      ? `${problems} problem(s): the drivers concerned fail their own files only; fix them, then reload the daemon\n`
      : 'reload the daemon to use them: systemctl reload wazo-confgend (or kill -HUP <pid>)\n',
  );
  return problems > 0 ? 1 : 0;
}

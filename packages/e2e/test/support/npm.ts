import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runChecked } from './run-command.js';

const QUIET = ['--no-audit', '--no-fund', '--loglevel=error'];

/** `npm pack <packageDir>` into `destination`; returns the tarball's path. */
export async function npmPack(packageDir: string, destination: string): Promise<string> {
  const before = new Set(await readdir(destination));
  await runChecked('npm', ['pack', packageDir, '--pack-destination', destination, ...QUIET], { cwd: destination });
  const created = (await readdir(destination)).filter((name) => name.endsWith('.tgz') && !before.has(name));
  if (created.length !== 1) throw new Error(`npm pack ${packageDir} created ${created.length} tarballs in ${destination}`);
  return join(destination, created[0] as string);
}

/** What an operator runs to add a driver to a host: `npm install --prefix <plugin_dir> <spec>`. */
export async function npmInstallInto(pluginDir: string, spec: string, extra: readonly string[] = []): Promise<void> {
  await runChecked('npm', ['install', '--prefix', pluginDir, ...QUIET, ...extra, spec], { cwd: pluginDir, timeoutMs: 180_000 });
}

export async function npmPublish(packageDir: string, userconfig: string): Promise<void> {
  await runChecked('npm', ['publish', packageDir, '--userconfig', userconfig, '--ignore-scripts', ...QUIET], { cwd: packageDir });
}

import { lstat, mkdir, readdir, readlink, realpath, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { serverPackageDir } from '../package-dir.js';

/**
 * The packages a driver imports that must be the daemon's own copies: a second core would bring
 * its own error classes and version, a second dao its own session scope, which the generation
 * threads never open (every query would fail with WCG_ERR_NO_SESSION).
 */
export const HOST_PACKAGES = ['@wazo-confgend/core', '@wazo-confgend/dao'] as const;

export type HostPackage = (typeof HOST_PACKAGES)[number];

/** Real directory of each host package, as the server package resolves it. */
export async function hostPackageDirs(fromDir = serverPackageDir()): Promise<Map<HostPackage, string>> {
  const require = createRequire(join(fromDir, 'package.json'));
  const dirs = new Map<HostPackage, string>();
  for (const name of HOST_PACKAGES) dirs.set(name, await realpath(dirname(require.resolve(`${name}/package.json`))));
  return dirs;
}

async function entryKind(path: string): Promise<'link' | 'directory' | 'other' | null> {
  try {
    const stats = await lstat(path);
    if (stats.isSymbolicLink()) return 'link';
    return stats.isDirectory() ? 'directory' : 'other';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The package directories directly inside a `node_modules` directory (`@scope/name` included). */
async function packagesIn(nodeModules: string): Promise<string[]> {
  const names = await readdir(nodeModules).catch(() => [] as string[]);
  const packages: string[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) {
      for (const scoped of await readdir(join(nodeModules, name)).catch(() => [] as string[])) packages.push(`${name}/${scoped}`);
    } else {
      packages.push(name);
    }
  }
  return packages;
}

/** Replaces whatever is at `path` by a symbolic link to `target`; true when something changed. */
async function linkTo(path: string, target: string): Promise<boolean> {
  const kind = await entryKind(path);
  if (kind === 'link' && (await readlink(path)) === target) return false;
  if (kind !== null) await rm(path, { recursive: true, force: true });
  await mkdir(dirname(path), { recursive: true });
  await symlink(target, path, 'dir');
  return true;
}

/**
 * Makes every `@wazo-confgend/core` and `@wazo-confgend/dao` a driver in `pluginDir` can import
 * the host's own: `node_modules/@wazo-confgend/{core,dao}` become links to the host's packages,
 * and copies nested deeper (a driver that depends on core instead of declaring it a peer) are
 * replaced by links too. Returns the paths that changed.
 */
export async function linkHostPackages(pluginDir: string, hostDirs: ReadonlyMap<HostPackage, string>): Promise<string[]> {
  const changed: string[] = [];
  const root = join(pluginDir, 'node_modules');
  for (const [name, target] of hostDirs) {
    const path = join(root, name);
    if (await linkTo(path, target)) changed.push(path);
  }
  const visit = async (nodeModules: string, depth: number): Promise<void> => {
    for (const name of await packagesIn(nodeModules)) {
      const path = join(nodeModules, name);
      const target = hostDirs.get(name as HostPackage);
      if (target !== undefined) {
        if (nodeModules !== root && (await linkTo(path, target))) changed.push(path);
        continue;
      }
      // a linked package's own tree is not the plugin directory's to change
      if (depth < 16 && (await entryKind(path)) === 'directory') await visit(join(path, 'node_modules'), depth + 1);
    }
  };
  await visit(root, 0);
  return changed;
}

/**
 * Removes the top-level links before npm runs: npm treats them as extraneous packages and would
 * remove them itself, and it must never see the host's packages as part of the plugin tree.
 */
export async function unlinkHostPackages(pluginDir: string): Promise<void> {
  for (const name of HOST_PACKAGES) {
    const path = join(pluginDir, 'node_modules', name);
    if ((await entryKind(path)) === 'link') await rm(path);
  }
}

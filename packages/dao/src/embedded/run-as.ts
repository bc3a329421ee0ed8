import { spawn, type ChildProcess } from 'node:child_process';
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { describeError } from '@wazo-confgend/core';
import { embeddedUnavailable } from './embedded-errors.js';

/** The system user the PostgreSQL programs run as when the host process is root. */
export interface RunAs {
  readonly user: string;
  readonly uid: number;
  readonly gid: number;
}

export const POSTGRES_USER = 'postgres';

/**
 * PostgreSQL refuses to run as root: as root its programs run as the `postgres` user (undefined
 * otherwise: they run as the host process's user).
 */
export async function postgresRunAs(): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const [uid, gid] = await Promise.all(
      ['-u', '-g'].map(async (flag) => {
        const id = (await execAs('id', [flag, POSTGRES_USER])).stdout.trim();
        if (!/^\d+$/.test(id)) throw new Error(`id ${flag} ${POSTGRES_USER} printed "${id}", not a number`);
        return Number(id);
      }),
    );
    return { user: POSTGRES_USER, uid: uid as number, gid: gid as number };
  } catch (error) {
    throw embeddedUnavailable('embeddedNoUser', { user: POSTGRES_USER, reason: describeError(error) }, error);
  }
}

export interface ExecOptions {
  readonly runAs?: RunAs | undefined;
  readonly timeoutMs?: number;
  readonly env?: NodeJS.ProcessEnv;
}

export interface ExecResult {
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of spawn() that run a program as `runAs` (from `/`, which every user can enter). */
export function spawnOptionsFor(runAs: RunAs | undefined): { cwd: string; uid?: number; gid?: number } {
  return runAs ? { cwd: '/', uid: runAs.uid, gid: runAs.gid } : { cwd: '/' };
}

/**
 * Runs a program to completion: resolves with its output when it exits with 0, rejects otherwise.
 * A program that cannot be started (EACCES, ENOENT...) is a rejection, never an 'error' event
 * left unhandled.
 */
export function execAs(file: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  return new Promise((resolvePromise, reject) => {
    let child: ChildProcess;
    try {
      child = spawn(file, [...args], {
        ...spawnOptionsFor(options.runAs),
        env: options.env ?? process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    let stdout = '';
    let stderr = '';
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timeoutMs = options.timeoutMs ?? 60_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(() => reject(new Error(`${basename(file)} did not finish within ${timeoutMs / 1000} s`)));
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => settle(() => reject(error)));
    child.on('close', (code, signal) =>
      settle(() => {
        if (code === 0) resolvePromise({ stdout, stderr });
        else {
          const output = (stderr.trim() || stdout.trim()).slice(-2000);
          reject(new Error(`${basename(file)} ${code === null ? `was killed by ${signal}` : `exited with ${code}`}${output ? `: ${output}` : ''}`));
        }
      }),
    );
  });
}

/** A directory that a user cannot enter (no search permission for them). */
export interface BlockedDirectory {
  readonly path: string;
  readonly mode: number;
  readonly uid: number;
}

/**
 * The first directory on the way to `target` (target included) that `runAs` has no search
 * permission on, from the mode bits (the user's primary group only: the programs are started
 * with no supplementary group); undefined when every one lets them through.
 */
export async function blockedDirectory(target: string, runAs: RunAs): Promise<BlockedDirectory | undefined> {
  const path = await realpath(target).catch(() => resolve(target));
  const chain: string[] = [];
  for (let dir = path; ; dir = dirname(dir)) {
    chain.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of chain) {
    const info = await stat(dir).catch(() => undefined);
    if (!info) return undefined;
    if (!info.isDirectory()) continue;
    const bit = info.uid === runAs.uid ? 0o100 : info.gid === runAs.gid ? 0o010 : 0o001;
    if ((info.mode & bit) === 0) return { path: dir, mode: info.mode & 0o7777, uid: info.uid };
  }
  return undefined;
}

export function describeBlocked(blocked: BlockedDirectory): string {
  const owner = blocked.uid === 0 ? 'root' : `uid ${blocked.uid}`;
  return `${blocked.path} (mode ${blocked.mode.toString(8).padStart(4, '0')}, owner ${owner})`;
}

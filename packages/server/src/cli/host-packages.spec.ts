import { lstat, mkdir, mkdtemp, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostPackageDirs, linkHostPackages, unlinkHostPackages, type HostPackage } from './host-packages.js';

let dir: string;
let hostDirs: Map<HostPackage, string>;

async function writePackage(path: string, name: string): Promise<void> {
  await mkdir(path, { recursive: true });
  await writeFile(join(path, 'package.json'), JSON.stringify({ name, version: '9.9.9' }));
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wazo-confgend-host-packages-'));
  hostDirs = new Map([
    ['@wazo-confgend/core', join(dir, 'host/core')],
    ['@wazo-confgend/dao', join(dir, 'host/dao')],
  ]);
  for (const [name, path] of hostDirs) await writePackage(path, name);
});

afterEach(() => rm(dir, { recursive: true, force: true }));

describe('hostPackageDirs', () => {
  it('finds the real directories of core and dao from the server package', async () => {
    const dirs = await hostPackageDirs();
    expect([...dirs.keys()]).toEqual(['@wazo-confgend/core', '@wazo-confgend/dao']);
    expect(dirs.get('@wazo-confgend/core')).toMatch(/packages\/core$/);
  });
});

describe('linkHostPackages', () => {
  it('links core and dao at the top of an empty plugin directory', async () => {
    const plugins = join(dir, 'plugins');
    const changed = await linkHostPackages(plugins, hostDirs);
    expect(changed).toEqual([join(plugins, 'node_modules/@wazo-confgend/core'), join(plugins, 'node_modules/@wazo-confgend/dao')]);
    expect(await readlink(join(plugins, 'node_modules/@wazo-confgend/core'))).toBe(join(dir, 'host/core'));
    expect(await linkHostPackages(plugins, hostDirs)).toEqual([]);
  });

  it('replaces copies installed at the top and nested under a driver, and leaves other packages alone', async () => {
    const plugins = join(dir, 'plugins');
    await writePackage(join(plugins, 'node_modules/@wazo-confgend/core'), '@wazo-confgend/core');
    await writePackage(join(plugins, 'node_modules/acme-driver'), 'acme-driver');
    await writePackage(join(plugins, 'node_modules/acme-driver/node_modules/@wazo-confgend/dao'), '@wazo-confgend/dao');
    await writePackage(join(plugins, 'node_modules/acme-driver/node_modules/left-pad'), 'left-pad');
    await linkHostPackages(plugins, hostDirs);
    expect(await readlink(join(plugins, 'node_modules/@wazo-confgend/core'))).toBe(join(dir, 'host/core'));
    expect(await readlink(join(plugins, 'node_modules/acme-driver/node_modules/@wazo-confgend/dao'))).toBe(join(dir, 'host/dao'));
    expect((await lstat(join(plugins, 'node_modules/acme-driver/node_modules/left-pad'))).isDirectory()).toBe(true);
  });

  it('unlinkHostPackages removes the top-level links only, never what they point to', async () => {
    const plugins = join(dir, 'plugins');
    await linkHostPackages(plugins, hostDirs);
    await unlinkHostPackages(plugins);
    await expect(lstat(join(plugins, 'node_modules/@wazo-confgend/core'))).rejects.toThrow(/ENOENT/);
    expect((await lstat(join(dir, 'host/core/package.json'))).isFile()).toBe(true);
  });
});

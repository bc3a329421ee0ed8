import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packAll, publishablePackages } from '../../../tools/pack/pack.mjs';
import { createDaemonHost } from './support/daemon.js';
import type { DaemonHost } from './support/daemon.js';
import type { CommandResult } from './support/run-command.js';

describe('npm run pack: a tarball per published package, installable with wazo-confgend install', () => {
  let host: DaemonHost;
  let tarballs: string[];
  let installed: CommandResult;

  beforeAll(async () => {
    host = await createDaemonHost({ db_uri: 'postgresql://nobody@127.0.0.1:1/nothing' });
    const out = join(host.dir, 'dist-packages');
    await mkdir(out);
    tarballs = await packAll(out);
    const tarball = (name: string) => tarballs.find((path) => basename(path) === `wazo-confgend-${name}-1.0.0.tgz`) ?? name;
    installed = await host.cli('install', tarball('driver-asterisk-iax'), tarball('asterisk-conf'));
  }, 300_000);

  afterAll(() => host?.remove());

  it('packs every package that is not private, and nothing else', async () => {
    const expected = (await publishablePackages()).map((pkg) => `${pkg.name.replace('@', '').replace('/', '-')}-${pkg.version}.tgz`);
    expect(tarballs.map((path) => basename(path)).sort()).toEqual(expected.sort());
    expect(expected).not.toContain('wazo-confgend-e2e-1.0.0.tgz');
  });

  it('a driver tarball and its library install into a plugin directory, and the driver loads', () => {
    expect(installed.code, `${installed.stdout}\n${installed.stderr}`).toBe(0);
    expect(installed.stdout).toMatch(/^ {2}@wazo-confgend\/driver-asterisk-iax@1\.0\.0 {2}asterisk\.iax\.conf: wazo {2}/m);
    expect(installed.stdout).not.toContain('problem:');
  });
});

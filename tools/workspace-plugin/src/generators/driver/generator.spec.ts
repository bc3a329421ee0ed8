import { readJson } from '@nx/devkit';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import driverGenerator, { driverNames } from './generator.js';

describe('driverNames', () => {
  it('derives the package, directory and class from the namespace', () => {
    expect(driverNames('asterisk.foo.conf')).toEqual({
      namespace: 'asterisk.foo.conf',
      resource: 'asterisk',
      filename: 'foo.conf',
      directory: 'driver-asterisk-foo',
      packageName: '@wazo-confgend/driver-asterisk-foo',
      className: 'FooConfDriver',
      classFile: 'foo-conf-driver',
    });
  });

  it('accepts the full wazo_confgend. form and non-Asterisk files', () => {
    expect(driverNames('wazo_confgend.provd.network.yml')).toMatchObject({
      namespace: 'provd.network.yml',
      directory: 'driver-provd-network',
      className: 'NetworkYmlDriver',
    });
  });

  it('rejects a namespace without a filename', () => {
    expect(() => driverNames('asterisk')).toThrow(/<resource>\.<filename>/);
  });
});

describe('driver generator', () => {
  let tree: Tree;

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    tree.write('tsconfig.json', JSON.stringify({ files: [], references: [{ path: './packages/core' }] }));
  });

  it('writes a publishable package whose manifest names the generated class', async () => {
    await driverGenerator(tree, { namespace: 'asterisk.foo.conf', name: 'acme' });
    const pkg = readJson(tree, 'packages/driver-asterisk-foo/package.json');
    expect(pkg).toMatchObject({
      name: '@wazo-confgend/driver-asterisk-foo',
      version: '1.0.0',
      type: 'module',
      keywords: expect.arrayContaining(['wazo-confgend-driver']),
      wazoConfgend: { apiVersion: 1, drivers: [{ namespace: 'asterisk.foo.conf', name: 'acme', module: './dist/index.js', export: 'FooConfDriver' }] },
      peerDependencies: { '@wazo-confgend/core': '^1.0.0', '@wazo-confgend/dao': '^1.0.0' },
      files: ['dist', '!**/*.tsbuildinfo', '!**/*.spec.*'],
      nx: { name: 'driver-asterisk-foo' },
    });
    expect(pkg.exports['./package.json']).toBe('./package.json');
    expect(tree.read('packages/driver-asterisk-foo/src/index.ts', 'utf8')).toBe("export { FooConfDriver } from './foo-conf-driver.js';\n");
    expect(tree.read('packages/driver-asterisk-foo/src/foo-conf-driver.ts', 'utf8')).toContain('export class FooConfDriver extends ConfgendDriver');
    expect(tree.read('packages/driver-asterisk-foo/src/foo-conf-driver.spec.ts', 'utf8')).toContain("'; asterisk/foo.conf (read-only session: on)\\n'");
    for (const file of ['tsconfig.json', 'tsconfig.lib.json', 'tsconfig.spec.json', 'vitest.config.mts', 'README.md']) {
      expect(tree.exists(`packages/driver-asterisk-foo/${file}`), file).toBe(true);
    }
  });

  it('names the driver wazo unless told otherwise, and adds the package to the root tsconfig', async () => {
    await driverGenerator(tree, { namespace: 'asterisk.foo.conf' });
    expect(readJson(tree, 'packages/driver-asterisk-foo/package.json').wazoConfgend.drivers[0].name).toBe('wazo');
    expect(readJson(tree, 'tsconfig.json').references).toEqual([{ path: './packages/core' }, { path: './packages/driver-asterisk-foo' }]);
  });

  it('refuses to overwrite an existing package', async () => {
    tree.write('packages/driver-asterisk-foo/package.json', '{}');
    await expect(driverGenerator(tree, { namespace: 'asterisk.foo.conf' })).rejects.toThrow(/already exists/);
  });
});

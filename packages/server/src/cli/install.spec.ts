import { describe, expect, it } from 'vitest';
import { absoluteSpec, npmInstallArguments } from './install.js';

describe('absoluteSpec', () => {
  it.each([
    ['./acme-1.0.0.tgz', '/home/op/acme-1.0.0.tgz'],
    ['../drivers/acme', '/home/drivers/acme'],
    ['acme-1.0.0.tgz', '/home/op/acme-1.0.0.tgz'],
    ['/srv/acme.tgz', '/srv/acme.tgz'],
  ])('makes the local path %s absolute (npm would read it from plugin_dir)', (spec, expected) => {
    expect(absoluteSpec(spec, '/home/op')).toBe(expected);
  });

  it.each(['@acme/driver', '@acme/driver@1.2.0', 'acme-driver', 'file:./x.tgz', 'https://example.com/acme.tgz'])('leaves %s to npm', (spec) => {
    expect(absoluteSpec(spec, '/home/op')).toBe(spec);
  });
});

describe('npmInstallArguments', () => {
  it('installs into plugin_dir without peer dependencies, copies directories, then the operator’s npm options and the packages', () => {
    expect(npmInstallArguments('/var/lib/wazo-confgend/plugins', ['@acme/driver', './x.tgz'], ['--registry', 'http://r/'], '/tmp')).toEqual([
      'install',
      '--prefix',
      '/var/lib/wazo-confgend/plugins',
      '--legacy-peer-deps',
      '--install-links',
      '--no-audit',
      '--no-fund',
      '--registry',
      'http://r/',
      '@acme/driver',
      '/tmp/x.tgz',
    ]);
  });

  it('uninstalls by name, with the same options', () => {
    expect(npmInstallArguments('/p', ['./not-a-path-here'], [], '/tmp', 'uninstall')).toEqual([
      'uninstall', '--prefix', '/p', '--legacy-peer-deps', '--install-links', '--no-audit', '--no-fund', './not-a-path-here',
    ]);
  });
});

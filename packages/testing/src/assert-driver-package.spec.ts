import { describe, expect, it } from 'vitest';
import { HELLO_DRIVER_DIR, manifest, writeFixturePackage } from '../test/fixture-package.js';
import { assertDriverPackage, DriverPackageAssertionError } from './assert-driver-package.js';

async function problemsOf(packageDir: string): Promise<readonly string[]> {
  const error: unknown = await assertDriverPackage(packageDir).then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(DriverPackageAssertionError);
  return (error as DriverPackageAssertionError).problems;
}

describe('assertDriverPackage', () => {
  it('accepts the seed example and reports what it declares', async () => {
    const report = await assertDriverPackage(HELLO_DRIVER_DIR);
    expect(report).toEqual({
      packageName: 'wazo-confgend-driver-sample',
      packageVersion: '0.0.1',
      drivers: [{ namespace: 'asterisk.sip.conf', name: 'my_driver', module: './src/driver.js', export: 'MyDriver', events: [] }],
    });
  });

  it('rejects a package without a manifest', async () => {
    const dir = await writeFixturePackage({ exports: { './package.json': './package.json' } });
    expect(await problemsOf(dir)).toEqual([expect.stringContaining('no "wazoConfgend" field')]);
  });

  it('names the bad field of an invalid manifest', async () => {
    const dir = await writeFixturePackage({ ...manifest(), wazoConfgend: { apiVersion: 'one', drivers: [] } });
    expect(await problemsOf(dir)).toEqual([expect.stringContaining('wazoConfgend.apiVersion')]);
  });

  it('rejects a package whose exports hide package.json', async () => {
    const dir = await writeFixturePackage(
      { ...manifest({ namespace: 'asterisk.sip.conf', name: 'x', module: './driver.js', export: 'X' }), exports: { '.': './driver.js' } },
      { 'driver.js': 'export class X { generate() { return "x"; } }' },
    );
    expect(await problemsOf(dir)).toEqual([expect.stringContaining('"./package.json"')]);
  });

  it('lists every driver that cannot be used, each with its reason', async () => {
    const dir = await writeFixturePackage(
      manifest(
        { namespace: 'asterisk.a.conf', name: 'missing', module: './nowhere.js', export: 'A' },
        { namespace: 'asterisk.b.conf', name: 'not-a-class', module: './drivers.js', export: 'notAClass' },
        { namespace: 'asterisk.c.conf', name: 'no-generate', module: './drivers.js', export: 'NoGenerate' },
        { namespace: 'asterisk.d.conf', name: 'good', module: './drivers.js', export: 'Good' },
      ),
      {
        'drivers.js': [
          'export const notAClass = 42;',
          'export class NoGenerate { constructor(config) { this.config = config; } }',
          'export class Good { generate() { return "ok"; } }',
        ].join('\n'),
      },
    );
    const problems = await problemsOf(dir);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('nowhere.js');
    expect(problems[1]).toContain('notAClass');
    expect(problems[2]).toMatch(/no-generate .* has no generate\(\) method/);
  });

  it('rejects a driver whose constructor wants more than the configuration', async () => {
    const dir = await writeFixturePackage(manifest({ namespace: 'asterisk.sip.conf', name: 'x', module: './driver.js', export: 'X' }), {
      'driver.js': 'export class X { constructor(config, database) { this.c = config; this.d = database; } generate() { return "x"; } }',
    });
    expect(await problemsOf(dir)).toEqual([expect.stringContaining('takes 2 arguments')]);
  });
});

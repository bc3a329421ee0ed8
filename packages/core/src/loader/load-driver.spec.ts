import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { discovered, makeTempDir, writeTree } from '../test-helpers/temp-packages.js';
import { importDriver } from './load-driver.js';

describe('importDriver', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir());
    await writeTree(dir, {
      'plain.js': `export class MyDriver { constructor(config) { this.config = config; } generate() { return 'Hello World!'; } }\n`,
      'default.js': `export default class { generate() { return 'default'; } }\n`,
      'arrow.js': `export const notAClass = () => 'x';\nexport const aString = 'x';\n`,
      'needs-dep.js': `import 'wcg-some-missing-package';\nexport default class { generate() { return 'x'; } }\n`,
      'needs-file.js': `import './gone.js';\nexport default class { generate() { return 'x'; } }\n`,
      'throws.js': `throw new Error('top-level failure');\n`,
      'syntax.js': `export default class {\n`,
    });
  });
  afterAll(() => cleanup());

  it('loads a plain class that imports nothing from core', async () => {
    const Driver = await importDriver(discovered(join(dir, 'plain.js'), 'MyDriver'));
    expect(new Driver({} as never).generate()).toBe('Hello World!');
  });

  it('loads the default export', async () => {
    const Driver = await importDriver(discovered(join(dir, 'default.js')));
    expect(new Driver({} as never).generate()).toBe('default');
  });

  it('reports a missing module file apart from a missing dependency', async () => {
    await expect(importDriver(discovered(join(dir, 'absent.js')))).rejects.toMatchObject({
      code: 'WCG_ERR_DRIVER_LOAD',
      details: { reason: 'module-missing' },
    });
    const dependency = importDriver(discovered(join(dir, 'needs-dep.js')));
    await expect(dependency).rejects.toMatchObject({ code: 'WCG_ERR_DRIVER_LOAD', details: { reason: 'dependency-missing', missing: 'wcg-some-missing-package' } });
    await expect(dependency).rejects.toThrow(/dependency of the driver module .*needs-dep\.js is missing: wcg-some-missing-package/);
  });

  it('reports a missing file imported by the driver as a missing dependency', async () => {
    await expect(importDriver(discovered(join(dir, 'needs-file.js')))).rejects.toMatchObject({
      code: 'WCG_ERR_DRIVER_LOAD',
      details: { reason: 'dependency-missing' },
    });
  });

  it('reports a module that throws while loading, with the cause', async () => {
    const error: unknown = await importDriver(discovered(join(dir, 'throws.js'))).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'WCG_ERR_DRIVER_LOAD', details: { reason: 'import-failed' } });
    expect((error as Error).message).toContain('top-level failure');
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('reports a syntax error as a load failure', async () => {
    await expect(importDriver(discovered(join(dir, 'syntax.js')))).rejects.toMatchObject({ code: 'WCG_ERR_DRIVER_LOAD' });
  });

  it('rejects a missing export, naming the exports that exist', async () => {
    await expect(importDriver(discovered(join(dir, 'arrow.js'), 'Missing'))).rejects.toThrow(/no export "Missing" \(exports: aString, notAClass\)/);
  });

  it('rejects exports that are not classes', async () => {
    await expect(importDriver(discovered(join(dir, 'arrow.js'), 'notAClass'))).rejects.toMatchObject({ code: 'WCG_ERR_DRIVER_INVALID' });
    await expect(importDriver(discovered(join(dir, 'arrow.js'), 'aString'))).rejects.toMatchObject({ code: 'WCG_ERR_DRIVER_INVALID' });
  });
});

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { driverConfig, findSharedReference, SHARED_REFERENCE_MISSING } from '@wazo-confgend/testing';
import { ModulesConfDriver, SHIPPED_MODULES_TEMPLATE } from '../src/index.js';
import { UPSTREAM_ENABLED_ASTERISK_MODULES } from './upstream-config.js';

const shared = findSharedReference();

describe.skipIf(!shared)('asterisk/modules.conf parity with upstream (dev fixture)', () => {
  if (!shared) console.warn(SHARED_REFERENCE_MISSING);

  it('generates the golden file byte for byte from upstream shipped configuration', async () => {
    const config = driverConfig({
      enabled_asterisk_modules: UPSTREAM_ENABLED_ASTERISK_MODULES,
      templates: { modulesconf: SHIPPED_MODULES_TEMPLATE },
    });
    const golden = await readFile(join(shared?.goldenDir('dev') ?? '', 'asterisk', 'modules.conf'), 'utf8');
    expect(await new ModulesConfDriver(config).generate()).toBe(golden);
  });
});

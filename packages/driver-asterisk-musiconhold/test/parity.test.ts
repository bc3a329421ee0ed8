import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { driverConfig, findSharedReference, generateFromFixture, SHARED_REFERENCE_MISSING } from '@wazo-confgend/testing';
import { MusiconholdConfDriver } from '../src/index.js';

const shared = findSharedReference();
if (!shared) console.warn(SHARED_REFERENCE_MISSING);

describe.skipIf(!shared)('asterisk/musiconhold.conf parity with upstream (dev fixture)', () => {
  it('generates the golden file byte for byte', async () => {
    // an empty override directory: whatever the host has under /etc/wazo-confgend cannot interfere
    const noOverrides = await mkdtemp(join(tmpdir(), 'moh-no-overrides-'));
    try {
      const config = driverConfig({ templates_dir: noOverrides });
      const { generated, golden } = await generateFromFixture('dev', 'asterisk/musiconhold.conf', MusiconholdConfDriver, config);
      expect(generated).toBe(golden);
    } finally {
      await rm(noOverrides, { recursive: true, force: true });
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driverConfig, findSharedReference, generateWithDriver, loadFixtureDatabase, SHARED_REFERENCE_MISSING } from '@wazo-confgend/testing';
import type { FixtureDatabase } from '@wazo-confgend/testing';
import { RtpConfDriver } from '../src/index.js';

const shared = findSharedReference();

describe.skipIf(!shared)('asterisk/rtp.conf parity with upstream (dev fixture)', () => {
  if (!shared) console.warn(SHARED_REFERENCE_MISSING);
  let fixture: FixtureDatabase;

  beforeAll(async () => {
    const loaded = await loadFixtureDatabase('dev');
    if (!loaded) throw new Error(SHARED_REFERENCE_MISSING);
    fixture = loaded;
  });

  afterAll(async () => {
    await fixture?.close();
  });

  it('generates the golden file byte for byte', async () => {
    const generated = await generateWithDriver(RtpConfDriver, driverConfig(), fixture.dataSource);
    expect(generated).toBe(await fixture.golden('asterisk/rtp.conf'));
  });
});

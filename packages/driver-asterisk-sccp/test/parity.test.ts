import { describe, expect, it } from 'vitest';
import { findSharedReference, generateFromFixture, SHARED_REFERENCE_MISSING } from '@wazo-confgend/testing';
import { SccpConfDriver } from '../src/index.js';

const shared = findSharedReference();
if (!shared) console.warn(SHARED_REFERENCE_MISSING);

describe.skipIf(!shared)('asterisk/sccp.conf parity with upstream (dev fixture)', () => {
  it('generates the golden file byte for byte', async () => {
    const { generated, golden } = await generateFromFixture('dev', 'asterisk/sccp.conf', SccpConfDriver);
    expect(generated).toBe(golden);
  });
});

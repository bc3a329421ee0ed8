import { describe, expect, it } from 'vitest';
import { findSharedReference, generateFromFixture, SHARED_REFERENCE_MISSING } from '@wazo-confgend/testing';
import { IaxConfDriver } from '../src/index.js';

const shared = findSharedReference();
if (!shared) console.warn(SHARED_REFERENCE_MISSING);

describe.skipIf(!shared)('asterisk/iax.conf parity with upstream (dev fixture)', () => {
  it('generates the golden file byte for byte', async () => {
    const { generated, golden } = await generateFromFixture('dev', 'asterisk/iax.conf', IaxConfDriver);
    expect(generated).toBe(golden);
  });
});

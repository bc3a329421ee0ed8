import { describe, expect, it } from 'vitest';
import { findSharedReference, generateFromFixture, SHARED_REFERENCE_MISSING } from '@wazo-confgend/testing';
import { VoicemailConfDriver } from '../src/index.js';

const shared = findSharedReference();
if (!shared) console.warn(SHARED_REFERENCE_MISSING);

describe.skipIf(!shared)('asterisk/voicemail.conf parity with upstream (dev fixture)', () => {
  it('generates the golden file byte for byte', async () => {
    const { generated, golden } = await generateFromFixture('dev', 'asterisk/voicemail.conf', VoicemailConfDriver);

    expect(generated).toBe(golden);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { findSharedReference, generateFromFixture, SHARED_REFERENCE_MISSING, type FixtureGeneration } from '@wazo-confgend/testing';
import { ExtensionsConfDriver } from '../src/index.js';
import { withHintsInOrder } from './hint-order.js';

const shared = findSharedReference();
if (!shared) console.warn(SHARED_REFERENCE_MISSING);

describe.skipIf(!shared)('asterisk/extensions.conf parity with upstream (dev fixture)', () => {
  let result: FixtureGeneration;

  beforeAll(async () => {
    result = await generateFromFixture('dev', 'asterisk/extensions.conf', ExtensionsConfDriver);
  });

  it('matches the golden file by the shared comparison rule (hint order within a context is free)', () => {
    expect(withHintsInOrder(String(result.generated))).toBe(withHintsInOrder(result.golden));
  });

  it('generates the golden file byte for byte, hint order included', () => {
    expect(result.generated).toBe(result.golden);
  });
});

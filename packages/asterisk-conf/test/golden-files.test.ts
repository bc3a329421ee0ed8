import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSharedReference, SHARED_REFERENCE_MISSING } from '@wazo-confgend/dao/testing';
import { describe, expect, it } from 'vitest';
import { checkAsteriskConf } from '../src/index.js';

const shared = findSharedReference();
if (!shared) console.warn(SHARED_REFERENCE_MISSING);

const goldenDir = shared ? join(shared.goldenDir('dev'), 'asterisk') : '';
const goldenFiles = shared ? readdirSync(goldenDir).filter((name) => name.endsWith('.conf')) : [];

describe.skipIf(!shared)('upstream golden Asterisk files (dev fixture)', () => {
  it('are all there to check', () => {
    expect(goldenFiles.length).toBeGreaterThan(10);
  });

  it.each(goldenFiles)('asterisk/%s loads in Asterisk without a problem', (name) => {
    expect(checkAsteriskConf(readFileSync(join(goldenDir, name), 'utf8'))).toEqual([]);
  });
});

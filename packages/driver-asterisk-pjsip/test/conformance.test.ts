import { resolve } from 'node:path';
import { describe, it } from 'vitest';
import { assertDriverPackage } from '@wazo-confgend/testing';

describe('the package', () => {
  it('declares drivers the service can load (manifest, exports, a class with generate())', async () => {
    await assertDriverPackage(resolve(import.meta.dirname, '..'));
  });
});

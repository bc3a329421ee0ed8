import { describe, expect, it } from 'vitest';
import { pythonStrip } from '@wazo-confgend/asterisk-conf';
import { printsUnstripped } from './option-line.js';

describe('printsUnstripped', () => {
  it('holds for numbers and for values ending in a visible ASCII character', () => {
    for (const value of [0, -3, 42, 'no', 'a b', ' lead', 'x;y']) {
      expect(printsUnstripped(value)).toBe(true);
      expect(pythonStrip(`key = ${value}`)).toBe(`key = ${value}`);
    }
  });

  it('leaves to the exact strip every value that may end in white space', () => {
    for (const value of ['tail ', 'tab\t', 'nl\n', 'x\x1f', 'nbsp\u00a0', 'next\u0085', 'ideo\u3000', 'e\u00e9']) {
      expect(printsUnstripped(value)).toBe(false);
    }
  });
});

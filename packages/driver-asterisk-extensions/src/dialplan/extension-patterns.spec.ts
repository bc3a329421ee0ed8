import { describe, expect, it } from 'vitest';
import { cleanExtension, funcKeyExtension } from './extension-patterns.js';

describe('cleanExtension', () => {
  it('cuts a pattern at its first pattern character', () => {
    expect(cleanExtension('_*23.')).toBe('*23');
    expect(cleanExtension('_*735.')).toBe('*735');
    expect(cleanExtension('_1[2-5]X')).toBe('1');
    expect(cleanExtension('_0NXXZ!')).toBe('0');
  });

  it('keeps a pattern without pattern characters, minus its underscore', () => {
    expect(cleanExtension('_*99')).toBe('*99');
  });

  it('keeps plain extensions, lower-case letters included, and gives nothing for null', () => {
    expect(cleanExtension('1001')).toBe('1001');
    expect(cleanExtension('*n.')).toBe('*n.');
    expect(cleanExtension(null)).toBe('');
    expect(cleanExtension(101)).toBe('101');
  });
});

describe('funcKeyExtension', () => {
  it('numbers the stars of each argument after its position', () => {
    expect(funcKeyExtension('_*735.', [101, '*25', null])).toBe('*735101***225');
    expect(funcKeyExtension('_*735.', [101, '*21', '5555'])).toBe('*735101***221*5555');
    expect(funcKeyExtension('_*735.', [101, '*30', '*3'])).toBe('*735101***230***33');
  });

  it('drops empty arguments before numbering', () => {
    expect(funcKeyExtension('*735', [101, '', '*1'])).toBe('*735101***21');
  });

  it('has no prefix without a phoneprogfunckey extension', () => {
    expect(funcKeyExtension(null, [101, '*25'])).toBe('101***225');
  });
});

import { describe, expect, it } from 'vitest';
import { SectionNames } from './section-names.js';

describe('SectionNames', () => {
  it('finds templates for inheritance but not for additions', () => {
    const names = new SectionNames();
    names.define('tpl', true);
    expect(names.hasAny('TPL')).toBe(true);
    expect(names.hasRegular('tpl')).toBe(false);
  });

  it('matches an empty name with any section of the kind', () => {
    const names = new SectionNames();
    expect(names.hasAny('')).toBe(false);
    names.define('tpl', true);
    expect(names.hasAny('')).toBe(true);
    expect(names.hasRegular('')).toBe(false);
    names.define('a', false);
    expect(names.hasRegular('')).toBe(true);
  });

  it('stores names cut to 79 bytes but looks them up whole', () => {
    const names = new SectionNames();
    names.define('n'.repeat(100), false);
    expect(names.hasAny('n'.repeat(100))).toBe(false);
    expect(names.hasAny('n'.repeat(79))).toBe(true);
  });

  it('finds regular sections defined before and after an earlier look-up, never later ones', () => {
    const names = new SectionNames();
    names.define('first', false);
    expect(names.hasAny('second')).toBe(false);
    expect(names.hasRegular('FIRST')).toBe(true);
    names.define('second', false);
    expect(names.hasAny('second')).toBe(true);
    expect(names.hasRegular('second')).toBe(true);
  });
});

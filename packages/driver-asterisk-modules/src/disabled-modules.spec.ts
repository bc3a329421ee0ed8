import { describe, expect, it } from 'vitest';
import { disabledModules } from './disabled-modules.js';

describe('disabledModules', () => {
  it('keeps the modules whose value is falsy in Python terms', () => {
    expect(
      disabledModules({ 'a.so': false, 'b.so': true, 'c.so': null, 'd.so': 0, 'e.so': '', 'f.so': 'no', 'g.so': [], 'h.so': 1 }),
    ).toEqual(['a.so', 'c.so', 'd.so', 'e.so', 'g.so']);
  });

  it('sorts by code point, upper case first, astral characters last', () => {
    expect(disabledModules({ 'b.so': false, 'B.so': false, '\u{1F600}.so': false, '\uFF41.so': false, 'a.so': false })).toEqual([
      'B.so',
      'a.so',
      'b.so',
      '\uFF41.so',
      '\u{1F600}.so',
    ]);
  });

  it('treats a missing or null map as no module', () => {
    expect(disabledModules(undefined)).toEqual([]);
    expect(disabledModules(null)).toEqual([]);
  });
});

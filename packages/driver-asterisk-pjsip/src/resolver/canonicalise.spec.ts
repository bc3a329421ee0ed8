import { describe, expect, it } from 'vitest';
import { canonicalise } from './canonicalise.js';

describe('canonicalise', () => {
  it('keeps a single-valued key at its first position with its last value', () => {
    expect(
      canonicalise([
        ['allow', '!all,ulaw'],
        ['timers', 'yes'],
        ['allow', '!all,opus'],
      ]),
    ).toEqual([
      ['allow', '!all,opus'],
      ['timers', 'yes'],
    ]);
  });

  it('moves set_var and match after every other key, keeping each distinct pair once', () => {
    expect(
      canonicalise([
        ['set_var', 'A=1'],
        ['match', '10.0.0.1'],
        ['type', 'identify'],
        ['set_var', 'A=1'],
        ['set_var', 'A=2'],
        ['match', '10.0.0.1'],
        ['match', '10.0.0.2'],
      ]),
    ).toEqual([
      ['type', 'identify'],
      ['set_var', 'A=1'],
      ['match', '10.0.0.1'],
      ['set_var', 'A=2'],
      ['match', '10.0.0.2'],
    ]);
  });

  it('collapses keys Asterisk would accept twice but upstream treats as single-valued', () => {
    expect(
      canonicalise([
        ['contact', 'sip:a'],
        ['contact', 'sip:b'],
      ]),
    ).toEqual([['contact', 'sip:b']]);
  });

  it('returns nothing for nothing', () => {
    expect(canonicalise([])).toEqual([]);
  });
});

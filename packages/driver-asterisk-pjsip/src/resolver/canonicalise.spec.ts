import { describe, expect, it } from 'vitest';
import { Canonicaliser, canonicalise } from './canonicalise.js';

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

  it('gives each section of a pass its own positions and values when one instance serves them all', () => {
    const canonicaliser = new Canonicaliser();
    expect(
      canonicaliser.canonicalise([
        ['allow', 'ulaw'],
        ['set_var', 'A=1'],
        ['timers', 'yes'],
      ]),
    ).toEqual([
      ['allow', 'ulaw'],
      ['timers', 'yes'],
      ['set_var', 'A=1'],
    ]);
    expect(
      canonicaliser.canonicalise([
        ['timers', 'no'],
        ['set_var', 'A=1'],
        ['allow', 'opus'],
        ['timers', 'always'],
      ]),
    ).toEqual([
      ['timers', 'always'],
      ['allow', 'opus'],
      ['set_var', 'A=1'],
    ]);
  });

  it('keeps the first-position rule past the first sixty-four distinct keys of a pass', () => {
    const canonicaliser = new Canonicaliser();
    const keys = Array.from({ length: 100 }, (_, index) => `key${index}`);
    canonicaliser.canonicalise(keys.map((key): [string, string] => [key, '1']));
    expect(canonicaliser.canonicalise([['key99', 'a'], ['key70', 'b'], ['key99', 'c']])).toEqual([
      ['key99', 'c'],
      ['key70', 'b'],
    ]);
  });
});

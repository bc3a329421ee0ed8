import { describe, expect, it } from 'vitest';
import { sectionKey, stripBlanks, utf8Length } from './asterisk-text.js';

describe('stripBlanks', () => {
  it('strips every character below 33 at both ends, as ast_strip does', () => {
    expect(stripBlanks(' \t\r\u0001k = v\u001f\r')).toBe('k = v');
    expect(stripBlanks('\u00a0k\u00a0')).toBe('\u00a0k\u00a0');
    expect(stripBlanks('   ')).toBe('');
  });
});

describe('utf8Length', () => {
  it('counts UTF-8 bytes once the text could reach the limit', () => {
    expect(utf8Length('é'.repeat(10), 30)).toBe(20);
    expect(utf8Length('abc', 100)).toBe(3);
  });
});

describe('sectionKey', () => {
  it('folds ASCII letters only, as strcasecmp does', () => {
    expect(sectionKey('Endpoint-A')).toBe('endpoint-a');
    expect(sectionKey('É')).not.toBe(sectionKey('é'));
  });

  it('cuts at a byte count, inside a character if need be', () => {
    expect(sectionKey('abcdef', 3)).toBe('abc');
    expect(sectionKey('aé', 2)).toBe(sectionKey('aè', 2));
    expect(sectionKey('aé', 3)).not.toBe(sectionKey('aè', 3));
  });
});

import { describe, expect, it } from 'vitest';
import { ContextsTemplateSyntaxError, parseContextsTemplate } from './parse-contexts-template.js';

const options = (text: string, section: string) => parseContextsTemplate(text).options(section);

describe('parseContextsTemplate', () => {
  it('keeps duplicate keys in file order, lower-cases keys and trims both sides', () => {
    expect(options('[s]\nExten = i,1,Playback(x)\nsame  =   n,Hangup()\nexten=t,1,Hangup()\n', 's')).toEqual([
      { name: 'exten', value: 'i,1,Playback(x)' },
      { name: 'same', value: 'n,Hangup()' },
      { name: 'exten', value: 't,1,Hangup()' },
    ]);
  });

  it('splits at the first = or :, whichever comes first', () => {
    expect(options('[s]\na:b=c\nd = e:f\n', 's')).toEqual([
      { name: 'a', value: 'b=c' },
      { name: 'd', value: 'e:f' },
    ]);
  });

  it('drops full-line comments and inline comments after white space only', () => {
    expect(options('[s]\n# c\n  ; c\nsame = n(x),NoOp()  ; note\nexten = a;b\n', 's')).toEqual([
      { name: 'same', value: 'n(x),NoOp()' },
      { name: 'exten', value: 'a;b' },
    ]);
  });

  it('names a section up to its last ], ignoring what follows', () => {
    const template = parseContextsTemplate('[a]b] trailing\nx = 1\n');
    expect(template.hasSection('a]b')).toBe(true);
    expect(template.options('a]b')).toEqual([{ name: 'x', value: '1' }]);
  });

  it('merges a repeated section, appending its options', () => {
    expect(options('[s]\na = 1\n[t]\nb = 2\n[s]\nc = 3\n', 's')).toEqual([
      { name: 'a', value: '1' },
      { name: 'c', value: '3' },
    ]);
  });

  it('puts [DEFAULT] options first, the n-th option of a section replacing the n-th default of the same key', () => {
    const text = '[DEFAULT]\nexten = d1\ninclude = d2\n[s]\nexten = s1\nexten = s2\n';
    expect(options(text, 's')).toEqual([
      { name: 'exten', value: 's1' },
      { name: 'include', value: 'd2' },
      { name: 'exten', value: 's2' },
    ]);
    expect(parseContextsTemplate(text).hasSection('DEFAULT')).toBe(false);
  });

  it('accepts an indented line after an empty line or a section header', () => {
    expect(options('[s]\na = 1\n\n   b = 2\n', 's')).toEqual([
      { name: 'a', value: '1' },
      { name: 'b', value: '2' },
    ]);
    expect(options('[s]\n  a = 1\n', 's')).toEqual([{ name: 'a', value: '1' }]);
  });

  it('rejects a continuation line, which upstream crashed on', () => {
    expect(() => parseContextsTemplate('[s]\na = 1\n  more\n')).toThrow(ContextsTemplateSyntaxError);
  });

  it('rejects a line without delimiter, an empty key and an option before any section', () => {
    expect(() => parseContextsTemplate('[s]\njunk\n')).toThrow(/line 2/);
    expect(() => parseContextsTemplate('[s]\n= x\n')).toThrow(/line 2/);
    expect(() => parseContextsTemplate('a = 1\n[s]\n')).toThrow(/line 1/);
  });

  it('gives no options for a missing section', () => {
    expect(options('[s]\n', 'other')).toBeUndefined();
  });
});

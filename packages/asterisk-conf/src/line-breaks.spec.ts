import { isConfgendError } from '@wazo-confgend/core';
import { describe, expect, it } from 'vitest';
import { holdsLineBreak, lineBreakError, refuseLineBreak } from './line-breaks.js';

describe('line breaks', () => {
  it('finds \\n and \\r, nothing else', () => {
    expect(holdsLineBreak('a\nb')).toBe(true);
    expect(holdsLineBreak('a\rb')).toBe(true);
    expect(holdsLineBreak('a\u2028b\tc\u000bd')).toBe(false);
  });

  it('names the section and the option', () => {
    const error = lineBreakError({ section: 'abc', option: 'callerid' });
    expect(isConfgendError(error)).toBe(true);
    expect(error.code).toBe('WCG_ERR_GENERATION_FAILED');
    expect(error.message).toBe('section [abc] option callerid holds a line break: refusing to write it (it would add lines to the file)');
    expect(error.details).toEqual({ section: 'abc', option: 'callerid', part: 'option' });
  });

  it('quotes a name that holds the line break itself', () => {
    expect(lineBreakError({ section: 'a\nb' }).message).toBe(
      'section name "a\\nb" holds a line break: refusing to write it (it would add lines to the file)',
    );
    expect(lineBreakError({ section: 'a', option: 'k\r' }).message).toMatch(/^section \[a\] option "k\\r" holds/);
    expect(lineBreakError({ section: null, option: 'k' }).message).toMatch(/^option k holds/);
    expect(lineBreakError({ section: 'a', headerPart: 'comment' }).details).toEqual({ section: 'a', option: null, part: 'comment' });
  });

  it('throws only for a text with a line break', () => {
    expect(() => refuseLineBreak('plain', { section: 'a' })).not.toThrow();
    expect(() => refuseLineBreak('x\n', { section: 'a' })).toThrow(/line break/);
  });
});

import { describe, expect, it } from 'vitest';
import { ConfOutput, ConfWriter } from '@wazo-confgend/asterisk-conf';
import { writeIaxOption } from './codec-rules.js';

const written = (name: string, value: string) => {
  const output = new ConfOutput();
  writeIaxOption(new ConfWriter(output), name, value);
  return output.toString();
};

describe('writeIaxOption', () => {
  it('writes any option but allow as it is', () => {
    expect(written('context', 'ctx')).toBe('context = ctx\n');
  });

  it('turns allow into disallow = all and one allow line per codec', () => {
    expect(written('allow', 'ulaw,alaw')).toBe('disallow = all\nallow = ulaw\nallow = alaw\n');
  });

  it('keeps empty codecs as bare allow lines, as a Python split does', () => {
    expect(written('allow', '')).toBe('disallow = all\nallow =\n');
    expect(written('allow', 'ulaw,')).toBe('disallow = all\nallow = ulaw\nallow =\n');
  });
});

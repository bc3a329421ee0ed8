import { describe, expect, it } from 'vitest';
import { ConfOutput, ConfWriter } from '@wazo-confgend/asterisk-conf';
import { optionLine } from './option-line.js';

const writerLine = (value: string | number) => {
  const output = new ConfOutput();
  new ConfWriter(output).option('key', value);
  return output.toString();
};

describe('optionLine', () => {
  it("prints what the writer's option prints, for values that need a strip and values that do not", () => {
    for (const value of ['value', 5, '', 'trailing  ', 'new line\n', 'no-break\u00a0', 'é', ' leading']) {
      expect(optionLine('key', value)).toBe(writerLine(value));
    }
  });
});

import { ConfOutput, ConfWriter } from '@wazo-confgend/asterisk-conf';
import { describe, expect, it } from 'vitest';
import { BufferedOutput } from './buffered-output.js';

describe('BufferedOutput', () => {
  it('gives back exactly what was written, ASCII or not', () => {
    for (const text of ['[global]\ntype = global\n', 'callerid = "Zoé" <1000>\n', 'x\u00a0y\ufeff\n', '']) {
      const output = new BufferedOutput();
      output.write(text);
      expect(output.toString()).toBe(text);
    }
  });

  it('keeps the order of many writes across the growth of its buffer', () => {
    const output = new BufferedOutput();
    const expected = new ConfOutput();
    for (let index = 0; index < 60_000; index += 1) {
      const text = `key${index} = ${index % 97 === 0 ? 'é' : 'value'}${'x'.repeat(index % 50)}\n`;
      output.write(text);
      expected.write(text);
    }
    const result = output.toString();
    expect(result.length).toBeGreaterThan(2 ** 21);
    expect(result).toBe(expected.toString());
  });

  it('serves a ConfWriter as any ConfOutput does', () => {
    const buffered = new BufferedOutput();
    const plain = new ConfOutput();
    for (const output of [buffered, plain]) {
      const writer = new ConfWriter(output);
      writer.section('a', 'label');
      writer.option('k', 'v');
      writer.section('b');
    }
    expect(buffered.toString()).toBe(plain.toString());
  });
});

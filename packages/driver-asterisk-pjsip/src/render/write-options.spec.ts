import { ConfOutput, ConfWriter } from '@wazo-confgend/asterisk-conf';
import type { SipOption } from '@wazo-confgend/dao';
import { describe, expect, it } from 'vitest';
import { writeOptions } from './write-options.js';

const CASES: SipOption[] = [
  ['allow', '!all,ulaw'],
  ['set_var', 'WAZO_PAI_FORMAT='],
  ['callerid', ''],
  ['context', 'ctx\n'],
  ['label', 'x\u00a0'],
  ['  key', 'value  '],
  ['name', 'zoé'],
  ['name', 'abcdeféèìïöçàäỳÿüùúóíá'],
  ['bom', 'x\ufeff'],
  ['', ''],
];

describe('writeOptions', () => {
  it('writes what ConfWriter.option writes, line for line', () => {
    const fast = new ConfOutput();
    writeOptions(fast, CASES);
    const reference = new ConfOutput();
    const writer = new ConfWriter(reference);
    for (const [key, value] of CASES) writer.option(key, value);
    expect(fast.toString()).toBe(reference.toString());
    expect(fast.toString()).toContain('callerid =\ncontext = ctx\n');
  });

  it('writes nothing for no options', () => {
    const output = new ConfOutput();
    writeOptions(output, []);
    expect(output.toString()).toBe('');
  });
});

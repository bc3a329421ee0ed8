import { ConfOutput, ConfWriter } from '@wazo-confgend/asterisk-conf';
import type { SipOption } from '../queries/types.js';
import { describe, expect, it } from 'vitest';
import { optionLine, writeOptions } from './write-options.js';

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

  it('writes a shared option from its prepared line and any other option from its key and value', () => {
    const shared: SipOption = ['type', 'endpoint'];
    const own: SipOption = ['callerid', 'x'];
    const output = new ConfOutput();
    writeOptions(output, [shared, own, shared], new Map([[shared, 'prepared\n']]));
    expect(output.toString()).toBe('prepared\ncallerid = x\nprepared\n');
  });

  it('prepares the line ConfWriter.option writes', () => {
    expect(optionLine(['context', ' ctx '])).toBe('context =  ctx\n');
    expect(optionLine(['callerid', ''])).toBe('callerid =\n');
  });
});

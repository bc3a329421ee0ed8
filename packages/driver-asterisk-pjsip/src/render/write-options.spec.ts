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
    writeOptions(fast, 'section', CASES);
    const reference = new ConfOutput();
    const writer = new ConfWriter(reference);
    for (const [key, value] of CASES) writer.option(key, value);
    expect(fast.toString()).toBe(reference.toString());
    expect(fast.toString()).toContain('callerid =\ncontext = ctx\n');
  });

  it('writes nothing for no options', () => {
    const output = new ConfOutput();
    writeOptions(output, 'section', []);
    expect(output.toString()).toBe('');
  });

  it('writes a shared option from its prepared line and any other option from its key and value', () => {
    const shared: SipOption = ['type', 'endpoint'];
    const own: SipOption = ['callerid', 'x'];
    const output = new ConfOutput();
    writeOptions(output, 'section', [shared, own, shared], new Map([[shared, 'prepared\n']]));
    expect(output.toString()).toBe('prepared\ncallerid = x\nprepared\n');
  });

  it('prepares the line ConfWriter.option writes', () => {
    expect(optionLine(['context', ' ctx '])).toBe('context =  ctx\n');
    expect(optionLine(['callerid', ''])).toBe('callerid =\n');
  });

  it('refuses, as ConfWriter.option does, an option whose line would keep a line break', () => {
    for (const value of ['a\nb', 'a\rb']) {
      const writer = new ConfWriter(new ConfOutput());
      writer.section('s');
      expect(() => writer.option('callerid', value)).toThrow(/line break/);
      expect(() => writeOptions(new ConfOutput(), 's', [['callerid', value]])).toThrow(
        /section \[s\] option callerid holds a line break/,
      );
      expect(optionLine(['callerid', value])).toBeNull();
    }
  });
});

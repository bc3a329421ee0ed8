import { describe, expect, it } from 'vitest';
import { ConfOutput, ConfWriter } from './conf-writer.js';

function write(build: (writer: ConfWriter, output: ConfOutput) => void): string {
  const output = new ConfOutput();
  build(new ConfWriter(output), output);
  return output.toString();
}

describe('ConfWriter', () => {
  it('separates sections of one writer by one empty line and comments a labelled section', () => {
    const text = write((w) => {
      w.section('a');
      w.option('k', 'v');
      w.section('b', 'label');
      w.templateSection('c');
      w.sectionUsingTemplate('d', 'c');
    });
    expect(text).toBe('[a]\nk = v\n\n; label\n[b]\n\n[c](!)\n\n[d](c)\n');
  });

  it('starts over with each new writer on the same output', () => {
    const text = write((first, output) => {
      first.section('a');
      new ConfWriter(output).section('b');
    });
    expect(text).toBe('[a]\n[b]\n');
  });

  it('strips white space around an option like Python, so an empty value has no trailing space', () => {
    const text = write((w) => {
      w.option('empty', '');
      w.option('trailing', 'value\n');
      w.option('nbsp', 'x\u00a0');
      w.objectOption('noload', 'app.so');
    });
    expect(text).toBe('empty =\ntrailing = value\nnbsp = x\nnoload => app.so\n');
  });

  it('prints values as Python would', () => {
    const text = write((w) => {
      w.option('number', 0);
      w.option('flag', true);
      w.option('missing', null);
    });
    expect(text).toBe('number = 0\nflag = True\nmissing = None\n');
  });

  it('keeps characters Python does not strip but JavaScript would', () => {
    expect(write((w) => w.option('bom', 'x\ufeff'))).toBe('bom = x\ufeff\n');
  });
});

describe('ConfWriter and line breaks', () => {
  const refusal = 'holds a line break: refusing to write it (it would add lines to the file)';

  it('refuses a value that would add a section to the file, naming the section and the option', () => {
    const output = new ConfOutput();
    const writer = new ConfWriter(output);
    writer.section('abc');
    expect(() => writer.option('callerid', 'x\n[evil]\ntype=endpoint')).toThrow(
      expect.objectContaining({ code: 'WCG_ERR_GENERATION_FAILED', message: `section [abc] option callerid ${refusal}` }),
    );
    expect(output.toString()).toBe('[abc]\n');
  });

  it('refuses a carriage return, in object options and option names too', () => {
    const writer = new ConfWriter(new ConfOutput());
    writer.section('abc');
    expect(() => writer.option('k', 'a\rb')).toThrow(`section [abc] option k ${refusal}`);
    expect(() => writer.objectOption('exten', '1,1,NoOp(\n)')).toThrow(`section [abc] option exten ${refusal}`);
    expect(() => writer.option('a\nb', 'v')).toThrow(`section [abc] option "a\\nb" ${refusal}`);
  });

  it('refuses line breaks in section names, comments and template names', () => {
    const writer = new ConfWriter(new ConfOutput());
    expect(() => writer.section('a\nb')).toThrow(`section name "a\\nb" ${refusal}`);
    expect(() => writer.section('a', 'label\n[evil]')).toThrow(`section [a] comment ${refusal}`);
    expect(() => writer.templateSection('t\r')).toThrow(`section name "t\\r" ${refusal}`);
    expect(() => writer.sectionUsingTemplate('a', 't\n')).toThrow(`section [a] template ${refusal}`);
  });

  it('writes a value whose line break the strip removes, as upstream does', () => {
    expect(write((w) => w.option('k', 'v\r\n'))).toBe('k = v\n');
  });
});

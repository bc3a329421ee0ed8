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

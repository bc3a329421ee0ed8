import { describe, expect, it } from 'vitest';
import { asteriskInspector } from './asterisk-inspector.js';

const inspect = (file: string, text: string) => asteriskInspector(file, Buffer.from(text, 'utf8'));

describe('asteriskInspector', () => {
  it('finds nothing in a well-formed Asterisk file', () => {
    expect(inspect('asterisk/pjsip.conf', '[global]\ntype = global\n\n[t](!)\nx = 1\n\n[ep](t)\ny = 2\n')).toEqual([]);
  });

  it('reports every problem with its line and rule, without the effect', () => {
    expect(inspect('asterisk/pjsip.conf', 'orphan = 1\n[ep](missing)\n[open\n')).toEqual([
      { line: 1, rule: 'option-before-section', message: expect.stringContaining('refuses the whole file') },
      { line: 2, rule: 'unknown-template', message: expect.stringContaining('"missing"') },
      { line: 3, rule: 'unclosed-section', message: expect.stringContaining('closing `]`') },
    ]);
  });

  it('reports a line Asterisk would skip for its length', () => {
    expect(inspect('asterisk/extensions.conf', `[ctx]\nexten = ${'x'.repeat(8200)}\n`).map((problem) => [problem.line, problem.rule])).toEqual([[2, 'line-too-long']]);
  });

  it('accepts a file of comments only, and an empty one (the shrink guard judges those)', () => {
    expect(inspect('asterisk/sip.conf', '; sip.conf is not used: chan_pjsip is\n')).toEqual([]);
    expect(inspect('asterisk/sip.conf', '')).toEqual([]);
  });

  it('leaves files of other formats and other consumers alone', () => {
    expect(inspect('phoned/config.yml', 'orphan = 1\n')).toEqual([]);
    expect(inspect('provd/network.conf', 'orphan = 1\n')).toEqual([]);
    expect(inspect('asterisk/pjsip.conf.d', 'orphan = 1\n')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { checkAsteriskConf } from './check-asterisk-conf.js';

function rules(text: string): [number, string][] {
  return checkAsteriskConf(text).map((problem) => [problem.line, problem.rule]);
}

describe('checkAsteriskConf', () => {
  it('accepts sections, templates, additions, objects, comments, directives and blank lines', () => {
    const text = [
      '; generated',
      '#include "pjsip_wizard.conf"',
      '[global](!)',
      'type = global',
      '',
      '[base](!)',
      'type = endpoint ; trailing comment',
      '[endpoint-1](base,global)',
      'context = default',
      '[endpoint-1](+)',
      'allow += ulaw',
      'exten => 100,1,NoOp(a\\;b)',
      '\\[name = escaped',
      'empty =',
      '',
    ].join('\n');
    expect(checkAsteriskConf(text)).toEqual([]);
  });

  it('names the line, the rule, what Asterisk does and a message', () => {
    expect(checkAsteriskConf('type = endpoint\n[a]\n')).toEqual([
      {
        line: 1,
        rule: 'option-before-section',
        effect: 'rejects-file',
        message: 'option before any [section]: Asterisk refuses the whole file',
      },
    ]);
  });

  it('refuses an option before the first section, even one with an escape', () => {
    expect(rules('\n; header\nkey = value\n[a]\n')).toEqual([[3, 'option-before-section']]);
    expect(rules('\\x = 1\n[a]\n')).toEqual([[1, 'option-before-section']]);
  });

  it('refuses a header without `]` or a template list without `)`', () => {
    expect(rules('[a\nk = v\n')).toEqual([
      [1, 'unclosed-section'],
      [2, 'option-before-section'],
    ]);
    expect(rules('[a]\n[b](a\n')).toEqual([[2, 'unclosed-section']]);
  });

  it('takes a `;` in a header for a comment, which leaves the header unclosed', () => {
    expect(rules('[a;b]\n')).toEqual([[1, 'unclosed-section']]);
    expect(rules('[a\\;b]\n')).toEqual([]);
  });

  it('refuses a template that no earlier section defines', () => {
    expect(rules('[b](a)\n[a](!)\n')).toEqual([[1, 'unknown-template']]);
    expect(rules('[a](!)\n[b](!,a)\n[c](a,b)\n')).toEqual([]);
    expect(rules('[a](a)\n')).toEqual([[1, 'unknown-template']]);
  });

  it('looks templates up as Asterisk does: ASCII case folded, no white space trimmed in the list', () => {
    expect(rules('[Base](!)\n[x](BASE)\n')).toEqual([]);
    expect(rules('[base](!)\n[other](!)\n[x](base, other)\n')).toEqual([[3, 'unknown-template']]);
    expect(rules('[É](!)\n[x](é)\n')).toEqual([[2, 'unknown-template']]);
  });

  it('matches an empty template name with any earlier section', () => {
    expect(rules('[x]()\n')).toEqual([[1, 'unknown-template']]);
    expect(rules('[a]\n[x]()\n')).toEqual([]);
  });

  it('refuses an addition to a section not defined above, or defined as a template only', () => {
    expect(rules('[a](+)\n[a]\n')).toEqual([[1, 'unknown-section-addition']]);
    expect(rules('[a](!)\n[a](+)\n')).toEqual([[2, 'unknown-section-addition']]);
    expect(rules('[A]\n[a](+)\nk = v\n')).toEqual([]);
  });

  it('warns that a section name over 79 bytes is cut, and finds the cut name only', () => {
    const long = 'x'.repeat(80);
    expect(checkAsteriskConf(`[${'x'.repeat(79)}]\n`)).toEqual([]);
    expect(rules(`[${long}](!)\n[y](${long})\n[z](${'x'.repeat(79)})\n`)).toEqual([
      [1, 'section-name-too-long'],
      [2, 'unknown-template'],
    ]);
    // 40 two-byte characters are 80 bytes
    expect(rules(`[${'é'.repeat(40)}]\n`)).toEqual([[1, 'section-name-too-long']]);
  });

  it('warns that text after a header is ignored, so `[a] (!)` is no template', () => {
    expect(rules('[a] (!)\n')).toEqual([[1, 'ignored-after-section-header']]);
    expect(rules('[a](!)x\n')).toEqual([[1, 'ignored-after-section-header']]);
    expect(rules('[a](!) ; a template\n')).toEqual([]);
  });

  it('refuses an escape before a space, a control character, the line end or a non-ASCII byte', () => {
    expect(rules('[a]\n\\ x = 1\n')).toEqual([[2, 'invalid-escape']]);
    expect(rules('[a]\n\\\n')).toEqual([[2, 'invalid-escape']]);
    expect(rules('[a]\n\\\tx = 1\n')).toEqual([[2, 'invalid-escape']]);
    expect(rules('[a]\n\\é = 1\n')).toEqual([[2, 'invalid-escape']]);
    expect(rules('[a]\n\\#x = 1\n\\;x = 1\nx = a\\b\n')).toEqual([]);
  });

  it('takes `\\;` for a literal semicolon, also right after a backslash', () => {
    // `\;` at the start becomes `;`, which the parser then reads as an option name
    expect(rules('[a]\n\\;x = 1\nk = a\\\\;b\n')).toEqual([]);
  });

  it('skips a line reaching 8191 bytes with its newline, and the next one when it ends on 8191 bytes', () => {
    const exact = `k = ${'v'.repeat(8186)}`; // 8190 bytes + newline = 8191: skipped, swallows the next line
    expect(rules(`[a]\n${exact}\nk = v\nk = w\n`)).toEqual([
      [2, 'line-too-long'],
      [3, 'line-swallowed'],
    ]);
    const longer = `k = ${'v'.repeat(8187)}`;
    expect(rules(`[a]\n${longer}\nk = v\n`)).toEqual([[2, 'line-too-long']]);
    const fits = `k = ${'v'.repeat(8185)}`;
    expect(rules(`[a]\n${fits}\n`)).toEqual([]);
    // at the end of the file there is no newline to count
    expect(rules(`[a]\n${exact}`)).toEqual([]);
    // bytes, not characters: 2,731 three-byte characters
    expect(rules(`[a]\nk=${'€'.repeat(2730)}\n`)).toEqual([[2, 'line-too-long']]);
  });

  it('follows block comments across lines, text after `--;` included', () => {
    expect(rules(';-- a\n[a]\n--;\n[b]\nk = v\n')).toEqual([]);
    expect(rules('[a] ;-- x --; \nk = v\n')).toEqual([]);
    expect(rules(';--\n--; [a]\nk = v\n')).toEqual([]);
    expect(rules('[a]\n;--- not a block\nk = v\n')).toEqual([]);
  });

  it('reports a comment that never closes, at the line that opens it', () => {
    expect(rules('[a]\n;-- start\nk = v\n')).toEqual([[2, 'unterminated-comment']]);
  });

  it('reports a `--;` outside a comment: every following line is lost', () => {
    expect(rules('[a]\nk = v--; note\n[b]\n')).toEqual([[2, 'stray-comment-end']]);
  });

  it('warns about lines Asterisk ignores', () => {
    expect(rules('[a]\njunk\n= v\n += w\n#includes x\n#include\n#exec /bin/true\n')).toEqual([
      [2, 'missing-equals'],
      [3, 'empty-option-name'],
      [4, 'empty-option-name'],
      [5, 'unknown-directive'],
      [6, 'directive-without-argument'],
    ]);
  });

  it('reports a NUL character', () => {
    expect(rules('[a]\nk = v\0x\n')).toEqual([[2, 'nul-character']]);
  });

  it('reports a file that defines nothing, as an empty #exec output would be', () => {
    expect(rules('')).toEqual([[0, 'empty-file']]);
    expect(rules('; only comments\n\n')).toEqual([[0, 'empty-file']]);
    expect(rules('#exec /usr/bin/generate\n')).toEqual([]);
  });

  it('sees the section a line break in a value adds', () => {
    const display = 'x\n[evil]\ntype=endpoint';
    expect(rules(`[a](!)\n[b](a)\ncallerid = ${display}\n[c](evil)\n`)).toEqual([]);
  });

  it('reports every problem, not only the first', () => {
    expect(rules('k = v\n[a](x)\n[b\n').map(([, rule]) => rule)).toEqual(['option-before-section', 'unknown-template', 'unclosed-section']);
  });

  it('counts lines ending in CRLF as Asterisk does', () => {
    expect(rules('[a]\r\nk = v\r\n\r\n')).toEqual([]);
  });
});

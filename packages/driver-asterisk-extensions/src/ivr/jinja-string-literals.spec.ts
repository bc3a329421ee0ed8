import { describe, expect, it } from 'vitest';
import { renderJinjaTemplate } from '@wazo-confgend/asterisk-conf';
import { decodePythonEscapes, withJinjaStringLiterals } from './jinja-string-literals.js';

const render = (source: string, context: object = {}) => renderJinjaTemplate(withJinjaStringLiterals(source), context);

describe('decodePythonEscapes', () => {
  it('keeps the backslash of an escape Python does not know', () => {
    expect(decodePythonEscapes('\\;')).toBe('\\;');
    expect(decodePythonEscapes('a\\qb')).toBe('a\\qb');
  });

  it('decodes the escapes Python knows', () => {
    expect(decodePythonEscapes('\\\\ \\" \\\' \\n\\t\\a\\v')).toBe('\\ " \' \n\t\x07\v');
    expect(decodePythonEscapes('\\x41\\101\\u00e9\\U0001F600')).toBe('AA\u00e9\u{1F600}');
  });

  it('escapes a backslash before non-ASCII text as Python does', () => {
    expect(decodePythonEscapes('\\\u00e9')).toBe('\\xe9');
  });

  it('rejects a truncated hexadecimal escape, as Jinja does', () => {
    expect(() => decodePythonEscapes('\\x4')).toThrow(SyntaxError);
  });
});

describe('withJinjaStringLiterals', () => {
  it('gives the replace filter the "\\;" Jinja sees', () => {
    expect(render('{{ v | replace(";", "\\;") }}', { v: 'ctx;x' })).toBe('ctx\\;x');
    expect(render("{% set s = 'a\\;b' %}{{ s }}")).toBe('a\\;b');
  });

  it('keeps quotes and backslashes escaped inside literals', () => {
    expect(render('{{ "say \\"hi\\" \\\\o/" }}')).toBe('say "hi" \\o/');
    expect(render("{{ 'it\\'s' }}")).toBe("it's");
  });

  it('leaves text, comments and raw blocks alone', () => {
    const source = 'text "\\;" {# "\\;" #}{% raw %}{{ "\\;" }}{% endraw %}';
    expect(withJinjaStringLiterals(source)).toBe(source);
  });

  it('does not end a tag at a closing delimiter inside a literal', () => {
    expect(render('{{ "%} \\; }}" }}')).toBe('%} \\; }}');
  });
});

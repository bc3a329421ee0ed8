import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_OPERATOR_TEMPLATES_DIR,
  operatorTemplatesDir,
  readFirstTemplate,
  renderJinjaTemplate,
  withPythonGet,
} from './template.js';

describe('renderJinjaTemplate', () => {
  it('drops exactly one final newline of the source, as Jinja does by default', () => {
    expect(renderJinjaTemplate('a\n', {})).toBe('a');
    expect(renderJinjaTemplate('a\n\n', {})).toBe('a\n');
    expect(renderJinjaTemplate('a', {})).toBe('a');
    expect(renderJinjaTemplate('', {})).toBe('');
  });

  it('drops the final newline before rendering, so a loop keeps its own newlines', () => {
    const source = '{% for m in modules -%}\nnoload => {{ m }}\n{% endfor -%}\n';
    expect(renderJinjaTemplate(source, { modules: ['a.so', 'b.so'] })).toBe('noload => a.so\nnoload => b.so\n');
  });

  it('prints values as Jinja does: None, True and False, nothing for an undefined name', () => {
    const context = { none: null, yes: true, no: false, zero: 0 };
    expect(renderJinjaTemplate('{{ none }} {{ yes }} {{ no }} {{ zero }} [{{ missing }}]', context)).toBe('None True False 0 []');
  });

  it('keeps None and False false in conditions', () => {
    expect(renderJinjaTemplate('{% if none %}a{% endif %}{% if no %}b{% endif %}{% if yes %}c{% endif %}', { none: null, no: false, yes: true })).toBe('c');
  });

  it('turns every line ending into a newline', () => {
    expect(renderJinjaTemplate('a\r\nb\rc\r\n', {})).toBe('a\nb\nc');
  });

  it('does not escape values', () => {
    expect(renderJinjaTemplate('{{ v }}', { v: '<a & "b">' })).toBe('<a & "b">');
  });

  it('names the template in errors', () => {
    expect(() => renderJinjaTemplate('{% if %}', {}, '/x/broken.jinja')).toThrow(/broken\.jinja/);
  });
});

describe('withPythonGet', () => {
  const map = withPythonGet({ alphabetical: 'alpha' });

  it('answers get(key, default) like a Python dict, None by default', () => {
    expect(renderJinjaTemplate('{{ m.get("alphabetical", "x") }} {{ m.get("other", "x") }}|{{ m.get("other") }}', { m: map })).toBe(
      'alpha x|None',
    );
  });

  it('keeps get out of iteration', () => {
    expect(renderJinjaTemplate('{% for k, v in m %}{{ k }}={{ v }};{% endfor %}', { m: map })).toBe('alphabetical=alpha;');
  });
});

describe('template lookup', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'template-lookup-'));
    await mkdir(join(dir, 'override', 'asterisk'), { recursive: true });
    await writeFile(join(dir, 'override', 'asterisk', 'x.jinja'), 'override');
    await writeFile(join(dir, 'shipped.jinja'), 'shipped');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prefers the first existing candidate', async () => {
    const shipped = join(dir, 'shipped.jinja');
    const override = join(dir, 'override', 'asterisk', 'x.jinja');
    expect(await readFirstTemplate([override, shipped])).toEqual({ path: override, source: 'override' });
    expect(await readFirstTemplate([join(dir, 'none', 'x.jinja'), shipped])).toEqual({ path: shipped, source: 'shipped' });
    expect(await readFirstTemplate([join(dir, 'none.jinja')])).toBeNull();
  });

  it('reports a candidate that exists but cannot be read', async () => {
    await expect(readFirstTemplate([join(dir, 'override')])).rejects.toThrow(/EISDIR/);
  });

  it('reads overrides from templates_dir, else from upstream directory', () => {
    expect(operatorTemplatesDir({ templates_dir: '/srv/templates' })).toBe('/srv/templates');
    expect(operatorTemplatesDir({})).toBe(DEFAULT_OPERATOR_TEMPLATES_DIR);
  });
});

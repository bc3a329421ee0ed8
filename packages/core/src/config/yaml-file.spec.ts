import { describe, expect, it } from 'vitest';
import { parseYamlFile } from './yaml-file.js';
import { errorOf } from '../test-helpers/error-of.js';

describe('parseYamlFile', () => {
  it('reads dotted keys and nested mappings', () => {
    expect(parseYamlFile('/c.yml', 'plugins:\n  asterisk.pjsip.conf: wazo\nlisten_port: 8669\n').value).toEqual({
      plugins: { 'asterisk.pjsip.conf': 'wazo' },
      listen_port: 8669,
    });
  });

  it('reads an empty file or a file of comments as an empty mapping', () => {
    expect(parseYamlFile('/c.yml', '').value).toEqual({});
    expect(parseYamlFile('/c.yml', '# nothing here\n').value).toEqual({});
  });

  it('reads booleans as PyYAML does (yes/on are booleans, y/n are strings)', () => {
    const { value } = parseYamlFile('/c.yml', 'a: yes\nb: Off\nc: y\nd: n\ne: TRUE\n');
    expect(value).toEqual({ a: true, b: false, c: 'y', d: 'n', e: true });
  });

  it('keeps the last value of a duplicated key, as PyYAML does', () => {
    expect(parseYamlFile('/c.yml', 'a: 1\na: 2\n').value).toEqual({ a: 2 });
  });

  it('names the file, line and column of a syntax error', () => {
    const error = errorOf(() => parseYamlFile('/etc/wazo-confgend/conf.d/10-x.yml', 'a: 1\nb: [1, 2\nc: d\n'));
    expect(error.code).toBe('WCG_ERR_CONFIG_YAML');
    expect(error.message).toMatch(/^\/etc\/wazo-confgend\/conf\.d\/10-x\.yml:3:1: invalid YAML: /);
    expect(error.details).toMatchObject({ file: '/etc/wazo-confgend/conf.d/10-x.yml', line: 3, column: 1 });
  });

  it('rejects a top level that is not a mapping', () => {
    expect(errorOf(() => parseYamlFile('/c.yml', '- a\n- b\n'))).toMatchObject({ code: 'WCG_ERR_CONFIG_INVALID' });
    expect(errorOf(() => parseYamlFile('/c.yml', 'just text\n')).message).toContain('/c.yml: the top level must be a mapping');
  });

  it('runs !exec commands without a shell and reads their output as YAML', () => {
    const { value } = parseYamlFile('/c.yml', 'db_uri: !exec {command: "echo postgresql://u@h/db"}\nmap: !exec {command: "printf a:_1"}\n');
    expect(value['db_uri']).toBe('postgresql://u@h/db');
    // no shell: the argument is passed verbatim, so the underscore stays (and "a:_1" is a plain string)
    expect(value['map']).toBe('a:_1');
  });

  it('reports an !exec command that fails or is malformed, with its position', () => {
    const failing = errorOf(() => parseYamlFile('/c.yml', 'x: 1\ndb_uri: !exec {command: "/nonexistent/program arg"}\n'));
    expect(failing.code).toBe('WCG_ERR_CONFIG_YAML');
    expect(failing.message).toMatch(/^\/c\.yml:2:\d+: invalid YAML: !exec command "\/nonexistent\/program arg" failed/);
    expect(errorOf(() => parseYamlFile('/c.yml', 'db_uri: !exec {cmd: x}\n')).message).toContain('!exec needs a mapping with a non-empty "command"');
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfigFile } from './wazo-confgen.cjs';

const dir = mkdtempSync(join(tmpdir(), 'wazo-confgen-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function configFile(text: string): string {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.conf`);
  writeFileSync(path, text);
  return path;
}

describe('readConfigFile', () => {
  it('gives the defaults for a missing file', () => {
    expect(readConfigFile(join(dir, 'missing.conf'))).toEqual({ host: '127.0.0.1', port: 8669, timeoutSeconds: 5 });
  });

  it('reads the shipped file', () => {
    const shipped = new URL('../etc/config.conf', import.meta.url);
    expect(readConfigFile(shipped.pathname)).toEqual({ host: '127.0.0.1', port: 8669, timeoutSeconds: 5 });
  });

  it('reads [confgen] with either delimiter, comments and any key case', () => {
    const path = configFile('# comment\n[other]\nport = 1\n\n[confgen]\n; note\nSERVER: pbx.example\nport = 9000\ntimeout=12\n');
    expect(readConfigFile(path)).toEqual({ host: 'pbx.example', port: 9000, timeoutSeconds: 12 });
  });

  it('keeps the defaults for keys the file does not set', () => {
    expect(readConfigFile(configFile('[confgen]\nport=18669\n'))).toEqual({ host: '127.0.0.1', port: 18669, timeoutSeconds: 5 });
  });

  it('names the file and key of a value that is not an integer', () => {
    const path = configFile('[confgen]\ntimeout = soon\n');
    expect(() => readConfigFile(path)).toThrow(`${path}: [confgen] timeout must be an integer, got 'soon'`);
  });

  it('names the file and line it cannot parse', () => {
    const path = configFile('[confgen]\nnot a key value pair\n');
    expect(() => readConfigFile(path)).toThrow(`${path}:2: cannot parse line`);
  });
});

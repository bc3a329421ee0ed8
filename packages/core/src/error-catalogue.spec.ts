import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, ERROR_CODES, formatMessage, httpStatusOf } from './error-catalogue.js';
import { confgendError } from './errors.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const errorsDoc = readFileSync(join(root, 'docs/reference/errors.md'), 'utf8');
/** The codes the reference documents: each has a table row of its own. */
const documented = new Set([...errorsDoc.matchAll(/^\| `(WCG_ERR_[A-Z_]+)` \|/gm)].map((match) => match[1]));

/** Every TypeScript source file of the workspace's packages, tests left out. */
function packageSources(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(c|m)?ts$/.test(entry.name) && !/\.(spec|test)\.(c|m)?ts$/.test(entry.name)) found.push(path);
    }
  };
  for (const pkg of readdirSync(join(root, 'packages'))) {
    if (existsSync(join(root, 'packages', pkg, 'src'))) walk(join(root, 'packages', pkg, 'src'));
  }
  return found;
}

describe('the error catalogue', () => {
  it('documents every code in docs/reference/errors.md, and documents no code that does not exist', () => {
    expect([...documented].sort()).toEqual([...ERROR_CODES].sort());
  });

  it('gives request errors their 4xx status and everything that left nothing to serve 503', () => {
    expect(httpStatusOf('WCG_ERR_UNKNOWN_FILE')).toBe(404);
    expect(httpStatusOf('WCG_ERR_INVALID_FILE_KEY')).toBe(400);
    expect(httpStatusOf('WCG_ERR_GENERATION_TIMEOUT')).toBe(503);
    expect(httpStatusOf('WCG_ERR_HTTP_METHOD_NOT_ALLOWED')).toBe(405);
  });

  it('words every error of the packages: no source builds a ConfgendError with a message of its own', () => {
    const offenders = packageSources()
      .filter((path) => !path.endsWith(join('core', 'src', 'errors.ts')))
      .filter((path) => /new ConfgendError\(/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(root, path));
    expect(offenders).toEqual([]);
  });

  it('has at least one wording per code, each a non-empty sentence for its facts', () => {
    for (const code of ERROR_CODES) expect(Object.keys(ERROR_CATALOGUE[code].messages).length, code).toBeGreaterThan(0);
    expect(formatMessage('WCG_ERR_UNKNOWN_FILE', 'nothingHeld', { file: 'asterisk/pjsip.conf' })).toBe('nothing of asterisk/pjsip.conf is held back');
  });

  it('builds the error with the code, the wording and the details', () => {
    const cause = new Error('EACCES');
    const error = confgendError('WCG_ERR_CACHE_IO', 'cacheFile', { action: 'write', path: '/c/x', reason: 'EACCES' }, { cause, details: { path: '/c/x' } });
    expect(error.code).toBe('WCG_ERR_CACHE_IO');
    expect(error.message).toBe('cannot write cache file /c/x: EACCES');
    expect(error.details).toEqual({ path: '/c/x' });
    expect(error.cause).toBe(cause);
  });

  it('refuses a wording the code does not have', () => {
    expect(() => formatMessage('WCG_ERR_UNKNOWN_FILE', 'nope' as 'nothingHeld', { file: 'x' })).toThrow(/has no message "nope"/);
  });
});

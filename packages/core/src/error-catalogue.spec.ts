import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, httpStatusOf } from './error-catalogue.js';

const errorsDoc = readFileSync(new URL('../../../docs/reference/errors.md', import.meta.url), 'utf8');
/** The codes the reference documents: each has a table row of its own. */
const documented = new Set([...errorsDoc.matchAll(/^\| `(WCG_ERR_[A-Z_]+)` \|/gm)].map((match) => match[1]));

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
});

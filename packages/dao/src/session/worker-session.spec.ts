import { describe, expect, it } from 'vitest';
import { query } from './session-scope.js';
import { createWorkerSession } from './worker-session.js';

const options = { statementTimeoutMs: 1_000, idleInTransactionTimeoutMs: 1_000, poolSize: 1 };

describe('createWorkerSession', () => {
  it('without a connected database, fails the first query and not the generation before it', async () => {
    const session = createWorkerSession(options);
    // a file made from configuration alone does not need the database
    await expect(session.run(null, async () => 'no query')).resolves.toBe('no query');
    const failure = session.run(null, () => query('SELECT 1'));
    await expect(failure).rejects.toMatchObject({ code: 'WCG_ERR_DATABASE_UNAVAILABLE' });
    // the demo database has no db_uri to check: the message points at what says why
    await expect(failure).rejects.toThrow(/not connected yet: GET \/1\.0\/status and the daemon log say why$/);
    await expect(failure).rejects.not.toThrow(/db_uri/);
  });
});

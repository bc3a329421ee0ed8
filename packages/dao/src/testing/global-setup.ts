import { startTestServer, TEST_DB_URL_VARIABLE, type TestServer } from './test-server.js';

let server: TestServer | undefined;

/**
 * Vitest global setup: one PostgreSQL server for a whole test run (each test still creates its
 * own database). Without WAZO_CONFGEND_TEST_DB_URL an embedded server is started and its URL
 * handed to the test workers through that variable.
 */
export async function setup(): Promise<void> {
  if (process.env[TEST_DB_URL_VARIABLE]) return;
  server = await startTestServer();
  process.env[TEST_DB_URL_VARIABLE] = server.adminUrl;
}

export async function teardown(): Promise<void> {
  await server?.stop();
  server = undefined;
}

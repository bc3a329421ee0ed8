import { startTestServer, TEST_DB_URL_VARIABLE } from '@wazo-confgend/dao/testing';
import type { TestServer } from '@wazo-confgend/dao/testing';

let server: TestServer | undefined;

/**
 * Vitest global setup for driver packages (`test.globalSetup: ['@wazo-confgend/testing/global-setup']`):
 * one PostgreSQL server per run, WAZO_CONFGEND_TEST_DB_URL when it is set, else an embedded one
 * whose URL is handed to the test workers through that variable.
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

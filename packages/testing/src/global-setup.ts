/**
 * Vitest global setup for driver packages (`test.globalSetup: ['@wazo-confgend/testing/global-setup']`):
 * one PostgreSQL server per run, WAZO_CONFGEND_TEST_DB_URL when it is set, else an embedded one
 * whose URL is handed to the test workers through that variable.
 */
export { setup, teardown } from '@wazo-confgend/dao/testing/global-setup';

export { findSharedReference, SHARED_REFERENCE_MISSING, type SharedReference } from './shared-reference.js';
export { startTestServer, TEST_DB_URL_VARIABLE, type TestServer } from './test-server.js';
export {
  createTestDatabase,
  databaseUrl,
  type TestDatabase,
  type TestDatabaseOptions,
  type TestSchema,
} from './test-database.js';
export { useTestDatabase, type SuiteDatabase, type SuiteHooks, type UseTestDatabaseOptions } from './use-test-database.js';

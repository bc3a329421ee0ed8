export { createTestDatabase, findSharedReference, TEST_DB_URL_VARIABLE } from '@wazo-confgend/dao/testing';
export type { SharedReference, TestDatabase, TestDatabaseOptions, TestSchema } from '@wazo-confgend/dao/testing';
export { runDriver } from './run-driver.js';
export type { RunDriverOptions } from './run-driver.js';
export { assertDriverPackage, DriverPackageAssertionError } from './assert-driver-package.js';
export type { CheckedDriver, DriverPackageReport } from './assert-driver-package.js';
export { driverConfig, generateFromFixture, generateFromSql, generateWithDriver, loadFixtureDatabase, SHARED_REFERENCE_MISSING } from './parity.js';
export type { FixtureDatabase, FixtureGeneration } from './parity.js';

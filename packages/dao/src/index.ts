export { createDataSource, type DataSourceOptions } from './data-source.js';
export { currentSession, query, ReadOnlySessionScope, type ReadOnlySessionScopeOptions } from './session/session-scope.js';
export { startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded/embedded-postgres.js';
export { WAZO_ENTITIES } from './entities/index.js';
export { createSchemaFromEntities } from './schema/create-schema.js';
export * from './asterisk-file/index.js';
export * from './conference/index.js';
export * from './features/index.js';
export * from './moh/index.js';

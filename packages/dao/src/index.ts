export { createDataSource, type DataSourceOptions } from './data-source.js';
export { workerSessionModule } from './session/worker-session-module.js';
export { currentSession, query, ReadOnlySessionScope, type ReadOnlySessionScopeOptions } from './session/session-scope.js';
export { WAZO_ENTITIES } from './entities/index.js';
export { createSchemaFromEntities } from './schema/create-schema.js';
export * from './asterisk-file/index.js';
export * from './pickup/index.js';

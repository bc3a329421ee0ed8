export { ConfgendError, ConfigError, confgendError, describeError, isConfgendError, problemOf, reviveConfgendError } from './errors.js';
export { ERROR_CATALOGUE, ERROR_CODES, formatMessage, httpStatusOf } from './error-catalogue.js';
export type { ConfgendErrorJSON, ConfgendErrorOptions, ErrorCode, MessageName, MessageParams, Problem } from './errors.js';

export { ConfgendDriver } from './driver.js';
export type { Driver, DriverConstructor, GenerateResult } from './driver.js';

export { LOG_LEVELS } from './config/config-types.js';
export type { ConfgendConfig, LogLevel, RestApiConfig, WorkersConfig } from './config/config-types.js';
export { DEFAULT_CONFIG } from './config/defaults.js';
export { loadConfig } from './config/load-config.js';
export type { LoadedConfig } from './config/load-config.js';
export { mergeConfig } from './config/merge.js';
export type { ConfigMapping } from './config/merge.js';

export { CORE_VERSION, SUPPORTED_API_VERSIONS } from './loader/core-version.js';
export { normaliseNamespace, parseManifest } from './loader/manifest.js';
export type { DriverManifestEntry } from './loader/manifest.js';
export type { DiscoveredDriver, DiscoveryOptions, DriverOrigin } from './loader/discover.js';
export { DriverRegistry } from './loader/registry.js';
export type { DriverListing } from './loader/registry.js';

export { fileKeyOfNamespace, formatFileKey, namespaceOf, parseFileKey } from './cache/file-key.js';
export type { FileKey } from './cache/file-key.js';
export { FileCache, sha256Of } from './cache/file-cache.js';
export { ContentStore } from './cache/content-store.js';
export type { ContentStoreOptions, StoredContent } from './cache/content-store.js';
export { DEFAULT_KEPT_VERSIONS, FileVersions } from './cache/file-versions.js';
export type { AddVersionOptions, FileVersionsOptions, VersionInfo } from './cache/file-versions.js';
export { sectionCount } from './service/content-checks.js';
export type { ContentInspector, ContentProblem } from './service/content-checks.js';

export { DriverRunner } from './runner/worker-pool-runner.js';
export type { DriverRun, DriverRunnerOptions, GeneratedFile } from './runner/worker-pool-runner.js';
export { constructDriver, generateContent } from './runner/checked-content.js';
export type { CreateWorkerSession, WorkerSession, WorkerSessionOptions } from './runner/generation-task.js';
export { importDriver } from './loader/load-driver.js';

export { ConfgendService } from './service/confgend-service.js';
export type { GenerateOptions, GenerateOutcome, GenerationEvent, GenerationRunner, ServiceOptions, SessionScope } from './service/types.js';
export { silentLogger } from './service/logger.js';
export type { Logger } from './service/logger.js';

/**
 * Every error code, defined once: what it means and the HTTP status an answer carrying it gets.
 * `docs/reference/errors.md` documents exactly these codes (a test keeps them in step).
 */
export const ERROR_CATALOGUE = {
  WCG_ERR_CONFIG_YAML: { http: 500, summary: 'a configuration file is not valid YAML' },
  WCG_ERR_CONFIG_INVALID: { http: 500, summary: 'a configuration key has a wrong value' },
  WCG_ERR_MANIFEST_INVALID: { http: 500, summary: "a package's wazoConfgend manifest is malformed" },
  WCG_ERR_DRIVER_INCOMPATIBLE: { http: 503, summary: 'a driver package is made for another core' },
  WCG_ERR_DRIVER_CONFLICT: { http: 503, summary: 'two packages provide the same driver' },
  WCG_ERR_DRIVER_NOT_FOUND: { http: 503, summary: 'no installed package provides the selected driver' },
  WCG_ERR_DRIVER_LOAD: { http: 503, summary: 'importing the driver module failed' },
  WCG_ERR_DRIVER_INVALID: { http: 503, summary: 'the driver export is not a class with generate()' },
  WCG_ERR_DRIVER_CONSTRUCT: { http: 503, summary: "the driver's constructor threw" },
  WCG_ERR_GENERATION_FAILED: { http: 503, summary: 'generate() failed, or its thread ended' },
  WCG_ERR_GENERATION_EMPTY: { http: 503, summary: 'generate() returned nothing' },
  WCG_ERR_GENERATION_TIMEOUT: { http: 503, summary: 'generate() took longer than generation_timeout' },
  WCG_ERR_CONTENT_REJECTED: { http: 503, summary: 'the generated file would not load where it is going' },
  WCG_ERR_CONTENT_HELD: { http: 503, summary: 'the generated file lost more sections than shrink_guard allows' },
  WCG_ERR_NO_SESSION: { http: 503, summary: 'a query ran outside generate()' },
  WCG_ERR_READ_ONLY_VIOLATION: { http: 503, summary: 'a driver sent a statement that is not a single read' },
  WCG_ERR_DATABASE_UNAVAILABLE: { http: 503, summary: 'the database cannot be reached' },
  WCG_ERR_UNKNOWN_FILE: { http: 404, summary: 'no driver is configured for the file' },
  WCG_ERR_INVALID_FILE_KEY: { http: 400, summary: 'the file name is malformed' },
  WCG_ERR_CACHE_IO: { http: 503, summary: 'the cache directory cannot be read or written' },
  WCG_ERR_CACHE_DAMAGED: { http: 503, summary: 'a cache file does not match its checksum' },
  WCG_ERR_TCP_BAD_REQUEST: { http: 400, summary: 'a legacy TCP request cannot be read' },
  WCG_ERR_HTTP_NOT_FOUND: { http: 404, summary: 'no such HTTP route' },
  WCG_ERR_HTTP_METHOD_NOT_ALLOWED: { http: 405, summary: 'a known path with another method' },
  WCG_ERR_HTTP_BAD_REQUEST: { http: 400, summary: 'a malformed HTTP request' },
  WCG_ERR_HTTP_INTERNAL: { http: 500, summary: 'an unexpected failure in the HTTP layer' },
} as const satisfies Record<string, { http: number; summary: string }>;

/** Stable error codes: `.code` is the contract hosts and tools match on. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

/** The HTTP status of an answer that carries `code`. */
export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].http;
}

/** Log levels by their upstream names, normalised to lower case. */
export type LogLevel = 'critical' | 'error' | 'warning' | 'info' | 'debug';

export const LOG_LEVELS: readonly LogLevel[] = ['critical', 'error', 'warning', 'info', 'debug'];

/** The threads drivers run in. */
export interface WorkersConfig {
  /** Generations that can run at once (each in its own thread). */
  count: number;
  /** Heap limit of one thread: a driver that allocates past it fails its generation only. */
  heap_limit_mb: number;
}

export interface RestApiConfig {
  enabled: boolean;
  listen: string;
  port: number;
}

/** The merged configuration. Keys keep their upstream names so existing conf.d files keep working. */
export interface ConfgendConfig {
  config_file: string;
  extra_config_files: string;
  debug: boolean;
  log_level: LogLevel;
  log_filename: string;
  cache: string;
  /** `'*'` in a file is rewritten to `''`, meaning every interface. */
  listen_address: string;
  listen_port: number;
  /** `null`: no database configured (the server then starts its embedded demo database). */
  db_uri: string | null;
  templates: Record<string, string>;
  /** `<resource>.<filename>` → driver name. */
  plugins: Record<string, string>;
  enabled_asterisk_modules: Record<string, boolean>;
  rest_api: RestApiConfig;
  plugin_dir: string;
  plugin_paths: string[];
  /** Seconds a `generate()` may take: then its thread is stopped and the request falls back to the cache. */
  generation_timeout: number;
  workers: WorkersConfig;
  /** Legacy TCP connections served at once; more are closed on arrival. */
  max_connections: number;
  /**
   * `resource/filename` → the share of its sections (0 to 1) a new version may lose compared with
   * the last good one before it is held back instead of served. No entry: no guard.
   */
  shrink_guard: Record<string, number>;
  /** Good versions of each file kept beside the cache, for `versions` and `diff`. */
  versions_kept: number;
  /** `resource/filename` of files served without the structural check (e.g. an example's `Hello World!`). */
  unchecked_files: string[];
  /** Operators' own keys reach drivers untouched. */
  [key: string]: unknown;
}

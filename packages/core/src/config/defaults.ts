import type { ConfgendConfig } from './config-types.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Upstream's built-in defaults, plus the keys this implementation adds. `db_uri` has no default on
 * purpose: production configs set it explicitly, and its absence selects the embedded demo database.
 */
export const DEFAULT_CONFIG: Readonly<ConfgendConfig> = deepFreeze<ConfgendConfig>({
  config_file: '/etc/wazo-confgend/config.yml',
  extra_config_files: '/etc/wazo-confgend/conf.d',
  debug: false,
  log_level: 'info',
  log_filename: '/var/log/wazo-confgend.log',
  cache: '/var/cache/wazo-confgend',
  listen_address: '127.0.0.1',
  listen_port: 8669,
  db_uri: null,
  templates: { contextsconf: '/etc/wazo-confgend/templates/contexts.conf' },
  plugins: {},
  enabled_asterisk_modules: {},
  rest_api: { enabled: true, listen: '127.0.0.1', port: 8670 },
  plugin_dir: '/var/lib/wazo-confgend/plugins',
  plugin_paths: [],
  generation_timeout: 30,
  workers: { count: 4, heap_limit_mb: 1024 },
  max_connections: 512,
  shrink_guard: {},
  versions_kept: 10,
  unchecked_files: [],
});

import { confgendError } from '../errors.js';
import type { ConfgendError } from '../errors.js';
import { LOG_LEVELS } from './config-types.js';
import { isMapping } from './merge.js';
import { locate } from './yaml-file.js';
import type { YamlFile } from './yaml-file.js';

/** Returns what was expected when `value` is wrong, `null` when it is fine. */
type Check = (value: unknown) => string | null;

const text: Check = (value) => (typeof value === 'string' ? null : 'a string');
const nonEmptyText: Check = (value) => (typeof value === 'string' && value !== '' ? null : 'a non-empty string');
const flag: Check = (value) => (typeof value === 'boolean' ? null : 'a boolean (true or false)');
const port: Check = (value) =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65535 ? null : 'an integer from 1 to 65535';
const textOrNull: Check = (value) => (value === null || typeof value === 'string' ? null : 'a string or null');
const positiveSeconds: Check = (value) =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? null : 'a positive number of seconds';
const positiveInteger: Check = (value) => (Number.isInteger(value) && (value as number) >= 1 ? null : 'a positive integer');
const share: Check = (value) => (typeof value === 'number' && value >= 0 && value <= 1 ? null : 'a share from 0 to 1 (e.g. 0.5 for half)');
/** An address, or `'*'` for every interface: an empty one would bind every interface without saying so. */
const listenAddress: Check = (value) => (typeof value === 'string' && value.trim() !== '' ? null : "an address, or '*' for every interface");
const logLevel: Check = (value) =>
  typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value.toLowerCase())
    ? null
    : `one of ${LOG_LEVELS.map((level) => level.toUpperCase()).join(', ')} (any case)`;

/** A mapping whose every value passes `entry`. */
interface MapRule {
  kind: 'map';
  entry: Check;
}
/** A mapping with known sub-keys (others pass through). */
interface RecordRule {
  kind: 'record';
  fields: Record<string, Check>;
}
/** A list whose every item passes `item`. */
interface ListRule {
  kind: 'list';
  item: Check;
}
type Rule = Check | MapRule | RecordRule | ListRule;

/** Types of the keys core knows; any other key is the operator's (or a driver's) and passes untouched. */
const RULES: Record<string, Rule> = {
  config_file: text,
  extra_config_files: nonEmptyText,
  debug: flag,
  log_level: logLevel,
  log_filename: text,
  cache: nonEmptyText,
  listen_address: listenAddress,
  listen_port: port,
  db_uri: textOrNull,
  templates: { kind: 'map', entry: text },
  // null or '' leaves a namespace without a driver, as upstream
  plugins: { kind: 'map', entry: textOrNull },
  enabled_asterisk_modules: { kind: 'map', entry: flag },
  rest_api: { kind: 'record', fields: { enabled: flag, listen: listenAddress, port } },
  plugin_dir: nonEmptyText,
  plugin_paths: { kind: 'list', item: nonEmptyText },
  generation_timeout: positiveSeconds,
  workers: { kind: 'record', fields: { count: positiveInteger, heap_limit_mb: positiveInteger } },
  max_connections: positiveInteger,
  shrink_guard: { kind: 'map', entry: share },
  versions_kept: positiveInteger,
  unchecked_files: { kind: 'list', item: nonEmptyText },
};

export function formatKeyPath(keyPath: readonly (string | number)[]): string {
  return keyPath
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (/^[A-Za-z_][\w-]*$/.test(segment)) return index === 0 ? segment : `.${segment}`;
      return `[${JSON.stringify(segment)}]`;
    })
    .join('');
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value) ?? String(value);
}

/** Checks the types of the keys core knows in one file; returns every problem found. */
export function validateLayer(file: YamlFile): ConfgendError[] {
  const problems: ConfgendError[] = [];
  const report = (keyPath: (string | number)[], expected: string, value: unknown): void => {
    const where = locate(file, keyPath.map(String));
    const key = formatKeyPath(keyPath);
    problems.push(
      confgendError('WCG_ERR_CONFIG_INVALID', 'wrongValue', { where, key, expected, got: describeValue(value) }, { details: { file: file.path, keyPath: key } }),
    );
  };
  const apply = (check: Check, keyPath: (string | number)[], value: unknown): void => {
    const expected = check(value);
    if (expected !== null) report(keyPath, expected, value);
  };

  for (const [key, rule] of Object.entries(RULES)) {
    if (!Object.hasOwn(file.value, key)) continue;
    const value = file.value[key];
    if (typeof rule === 'function') {
      apply(rule, [key], value);
    } else if (rule.kind === 'list') {
      if (!Array.isArray(value)) report([key], 'a list', value);
      else value.forEach((item: unknown, index) => apply(rule.item, [key, index], item));
    } else if (!isMapping(value)) {
      report([key], 'a mapping', value);
    } else if (rule.kind === 'map') {
      for (const [entryKey, entryValue] of Object.entries(value)) apply(rule.entry, [key, entryKey], entryValue);
    } else {
      for (const [field, check] of Object.entries(rule.fields)) {
        if (Object.hasOwn(value, field)) apply(check, [key, field], value[field]);
      }
    }
  }
  return problems;
}

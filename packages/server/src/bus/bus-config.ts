import { ConfigError, confgendError, type ConfgendError } from '@wazo-confgend/core';

/** Where the RabbitMQ bus is, from the `bus:` block every Wazo service reads. */
export interface BusSettings {
  host: string;
  port: number;
  username: string;
  password: string;
  /** A `headers` exchange: bindings match on the `name` header. */
  exchangeName: string;
}

/** One wrong value in the `bus:` block; `keyPath` is e.g. `['bus', 'port']`. */
export interface BusConfigProblem {
  keyPath: readonly string[];
  /** What the key must be, e.g. `an integer from 1 to 65535`. */
  expected: string;
  /** The value found, described. */
  got: string;
}

export const BUS_CONFIG_KEY = 'bus';

/** The defaults of Wazo's bus library, so that a bare `bus: {}` reaches the local broker. */
const DEFAULT_SETTINGS: BusSettings = {
  host: 'localhost',
  port: 5672,
  username: 'guest',
  password: 'guest',
  exchangeName: 'wazo-headers',
};

/** Returns what was expected when `value` is wrong, `null` when it is fine. */
type Check = (value: unknown) => string | null;

const flag: Check = (value) => (typeof value === 'boolean' ? null : 'a boolean (true or false)');
const text: Check = (value) => (typeof value === 'string' ? null : 'a string');
const nonEmptyText: Check = (value) => (typeof value === 'string' && value !== '' ? null : 'a non-empty string');
const port: Check = (value) =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65535 ? null : 'an integer from 1 to 65535';
// the listener binds on the `name` header: with any other exchange type no event would arrive
const headersExchange: Check = (value) => (value === 'headers' ? null : '"headers"');

const FIELD_CHECKS: Record<string, Check> = {
  enabled: flag,
  host: nonEmptyText,
  port,
  username: text,
  password: text,
  exchange_name: nonEmptyText,
  exchange_type: headersExchange,
};

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value) ?? String(value);
}

function problem(keyPath: readonly string[], expected: string, value: unknown): BusConfigProblem {
  return { keyPath, expected, got: describeValue(value) };
}

/** Every wrong value of the `bus:` block of `config` (other keys of the block pass untouched). */
export function findBusConfigProblems(config: Readonly<Record<string, unknown>>): BusConfigProblem[] {
  const block = config[BUS_CONFIG_KEY];
  if (block === undefined || block === null) return [];
  if (!isMapping(block)) return [problem([BUS_CONFIG_KEY], 'a mapping', block)];
  const problems: BusConfigProblem[] = [];
  for (const [field, check] of Object.entries(FIELD_CHECKS)) {
    if (!Object.hasOwn(block, field)) continue;
    const expected = check(block[field]);
    if (expected !== null) problems.push(problem([BUS_CONFIG_KEY, field], expected, block[field]));
  }
  return problems;
}

/** The problems as the configuration errors core reports (`WCG_ERR_CONFIG_INVALID`, key path in details). */
export function busConfigErrors(config: Readonly<Record<string, unknown>>): ConfgendError[] {
  return findBusConfigProblems(config).map(({ keyPath, expected, got }) =>
    confgendError('WCG_ERR_CONFIG_INVALID', 'wrongValue', { key: keyPath.join('.'), expected, got }, { details: { keyPath: keyPath.join('.') } }),
  );
}

/**
 * The bus settings, or `null` when the bus is off (no `bus:` block, or `enabled: false`).
 * Throws a `ConfigError` listing every problem when the block is invalid.
 */
export function readBusSettings(config: Readonly<Record<string, unknown>>): BusSettings | null {
  const errors = busConfigErrors(config);
  if (errors.length > 0) throw new ConfigError(errors);
  const block = config[BUS_CONFIG_KEY];
  if (!isMapping(block) || block['enabled'] === false) return null;
  const pick = <T>(field: string, fallback: T): T => (Object.hasOwn(block, field) ? (block[field] as T) : fallback);
  return {
    host: pick('host', DEFAULT_SETTINGS.host),
    port: pick('port', DEFAULT_SETTINGS.port),
    username: pick('username', DEFAULT_SETTINGS.username),
    password: pick('password', DEFAULT_SETTINGS.password),
    exchangeName: pick('exchange_name', DEFAULT_SETTINGS.exchangeName),
  };
}

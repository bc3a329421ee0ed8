import { formatMessage } from './error-catalogue.js';
import type { ErrorCode, MessageName, MessageParams } from './error-catalogue.js';

export type { ErrorCode, MessageName, MessageParams } from './error-catalogue.js';

export interface ConfgendErrorOptions {
  cause?: unknown;
  details?: Record<string, unknown>;
}

export interface ConfgendErrorJSON {
  code: ErrorCode;
  message: string;
  details: Readonly<Record<string, unknown>>;
}

/**
 * Process-wide brand: a driver installed in a plugin directory may bring its own copy of core,
 * so `instanceof` must not depend on which copy created the error. The brand holds the names of
 * the error classes the value belongs to.
 */
const ERROR_BRAND = Symbol.for('wazo-confgend.error');

function brandOf(value: unknown): readonly string[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const brand = (value as Record<symbol, unknown>)[ERROR_BRAND];
  return Array.isArray(brand) ? (brand as string[]) : undefined;
}

export class ConfgendError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, options: ConfgendErrorOptions = {}) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
    this.name = new.target.name;
    this.code = code;
    this.details = Object.freeze({ ...options.details });
    const kinds: string[] = [];
    for (let kind: unknown = new.target; typeof kind === 'function' && kind !== Error; kind = Object.getPrototypeOf(kind)) {
      kinds.push((kind as { name: string }).name);
    }
    Object.defineProperty(this, ERROR_BRAND, { value: Object.freeze(kinds) });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    return brandOf(value)?.includes(this.name) ?? false;
  }

  toJSON(): ConfgendErrorJSON {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/**
 * The error for one situation the catalogue words: `confgendError('WCG_ERR_UNKNOWN_FILE',
 * 'nothingHeld', { file })`. The only way the service builds its errors, so a code keeps one
 * wording per situation.
 */
export function confgendError<C extends ErrorCode, M extends MessageName<C>>(
  code: C,
  message: M,
  params: MessageParams<C, M>,
  options: ConfgendErrorOptions = {},
): ConfgendError {
  return new ConfgendError(code, formatMessage(code, message, params), options);
}

/** What a report shows of an error: its code and its message. */
export type Problem = Pick<ConfgendErrorJSON, 'code' | 'message'>;

/** The problem an error is; anything not a ConfgendError is reported under `fallback`. */
export function problemOf(error: unknown, fallback: ErrorCode): Problem {
  return isConfgendError(error) ? { code: error.code, message: error.message } : { code: fallback, message: describeError(error) };
}

/** An error as it arrives from another thread (an Error loses its code and details there). */
export function reviveConfgendError(json: ConfgendErrorJSON): ConfgendError {
  return new ConfgendError(json.code, json.message, { details: json.details });
}

export function isConfgendError(value: unknown): value is ConfgendError {
  return brandOf(value)?.includes('ConfgendError') === true && typeof (value as { code?: unknown }).code === 'string';
}

/** Every problem found while loading the configuration, reported at once. */
export class ConfigError extends ConfgendError {
  readonly problems: readonly ConfgendError[];

  constructor(problems: readonly ConfgendError[]) {
    const codes = new Set(problems.map((problem) => problem.code));
    const [only] = codes;
    const code: ErrorCode = codes.size === 1 && only !== undefined ? only : 'WCG_ERR_CONFIG_INVALID';
    super(code, formatMessage('WCG_ERR_CONFIG_INVALID', 'several', { problems: problems.map((problem) => problem.message) }), {
      details: { problems: problems.map((problem) => problem.toJSON()) },
    });
    this.problems = Object.freeze([...problems]);
  }
}

/** A readable one-line description of anything thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

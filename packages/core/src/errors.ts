import type { ErrorCode } from './error-catalogue.js';

export type { ErrorCode } from './error-catalogue.js';

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
    const lines = problems.map((problem) => `  - ${problem.message}`);
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(code, `invalid configuration (${count}):\n${lines.join('\n')}`, {
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

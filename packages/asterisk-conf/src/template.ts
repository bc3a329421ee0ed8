import { readFile } from 'node:fs/promises';
import nunjucks from 'nunjucks';

/** The directory upstream reads operators' replacements of its built-in templates from. */
export const DEFAULT_OPERATOR_TEMPLATES_DIR = '/etc/wazo-confgend/templates';

/** The override directory: the `templates_dir` configuration key when set, else upstream's fixed one. */
export function operatorTemplatesDir(config: { readonly [key: string]: unknown }): string {
  const configured = config['templates_dir'];
  return typeof configured === 'string' && configured !== '' ? configured : DEFAULT_OPERATOR_TEMPLATES_DIR;
}

export interface TemplateFile {
  readonly path: string;
  readonly source: string;
}

/**
 * The first of `candidates` that exists, read as UTF-8; null when none does. A file that exists but
 * cannot be read is an error, not a reason to fall back silently to the next candidate.
 */
export async function readFirstTemplate(candidates: readonly string[]): Promise<TemplateFile | null> {
  for (const path of candidates) {
    try {
      return { path, source: await readFile(path, 'utf8') };
    } catch (error) {
      if (!isMissingFile(error)) throw error;
    }
  }
  return null;
}

function isMissingFile(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * What Jinja prints for a value: Python's str() for None and booleans (`None`, `True`, `False`),
 * nothing for an undefined name, and nothing is escaped (the output is a configuration file).
 * Nunjucks passes the environment's `autoescape` option to the runtime function that prints every
 * `{{ ... }}`; giving our environment a marker there applies these rules to its templates alone.
 */
const PYTHON_PRINTING = Object.freeze({ printing: 'python' });

type SuppressValue = (value: unknown, autoescape: unknown) => unknown;
const runtime = (nunjucks as unknown as { runtime: { suppressValue: SuppressValue } }).runtime;
const nunjucksSuppressValue = runtime.suppressValue;
runtime.suppressValue = (value, autoescape) => {
  if (autoescape !== PYTHON_PRINTING) return nunjucksSuppressValue(value, autoescape);
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  return value === undefined ? '' : value;
};

const environment = new nunjucks.Environment([], { autoescape: PYTHON_PRINTING as unknown as boolean });

/**
 * Compiles a template written for Jinja, once, for nunjucks to render with the same bytes as
 * Jinja's defaults: line endings become `\n` and one final newline of the source is dropped
 * (`keep_trailing_newline` off). `path` only names the template in error messages.
 */
export function compileJinjaTemplate(source: string, path?: string): (context: object) => string {
  const lines = source.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const template = new nunjucks.Template(lines.join('\n'), environment, path, true);
  return (context) => template.render(context);
}

/** Compiles and renders a Jinja template once (see `compileJinjaTemplate`). */
export function renderJinjaTemplate(source: string, context: object, path?: string): string {
  return compileJinjaTemplate(source, path)(context);
}

/**
 * A mapping that also answers Python's `mapping.get(key, default)`, which Jinja templates call on
 * dictionaries. `get` is not enumerable, so iterating the mapping in a template sees only its keys.
 */
export function withPythonGet<T extends object>(mapping: T): T & { get(key: string, fallback?: unknown): unknown } {
  const copy = { ...mapping };
  Object.defineProperty(copy, 'get', {
    enumerable: false,
    value: (key: string, fallback: unknown = null) =>
      Object.hasOwn(copy, key) ? (copy as Record<string, unknown>)[key] : fallback,
  });
  return copy as T & { get(key: string, fallback?: unknown): unknown };
}

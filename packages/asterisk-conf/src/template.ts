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

// Templates write configuration files, not HTML: nothing is escaped.
const environment = new nunjucks.Environment([], { autoescape: false });

/**
 * Renders a template written for Jinja with nunjucks and the same bytes as Jinja's defaults: line
 * endings become `\n` and one final newline of the source is dropped (`keep_trailing_newline` off).
 * `path` only names the template in error messages.
 */
export function renderJinjaTemplate(source: string, context: object, path?: string): string {
  const lines = source.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return new nunjucks.Template(lines.join('\n'), environment, path, true).render(context);
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

import { pythonStrip } from '@wazo-confgend/asterisk-conf';

/** One `key = value` line of the contexts template, key lower-cased, in file order. */
export interface TemplateOption {
  readonly name: string;
  readonly value: string;
}

/** The contexts template as upstream's configparser reads it. */
export interface ContextsTemplate {
  hasSection(name: string): boolean;
  /** The options of `section`, `[DEFAULT]` ones first; undefined when the section does not exist. */
  options(section: string): readonly TemplateOption[] | undefined;
}

/** A line configparser rejects: upstream's generation fails on it. */
export class ContextsTemplateSyntaxError extends Error {
  readonly lineNumber: number;

  constructor(lineNumber: number, reason: string) {
    super(`line ${lineNumber}: ${reason}`);
    this.name = 'ContextsTemplateSyntaxError';
    this.lineNumber = lineNumber;
  }
}

const DEFAULT_SECTION = 'DEFAULT';
const isPythonSpace = (character: string | undefined) => character !== undefined && pythonStrip(character) === '';

/**
 * The options of one section. Upstream keeps duplicate keys by storing the n-th option of a
 * section under `n:key`; the numbering is what decides how `[DEFAULT]` options merge with a
 * section's, so it is kept here.
 */
class SectionOptions {
  readonly #byKey = new Map<string, TemplateOption>();

  add(name: string, value: string): void {
    this.#byKey.set(`${this.#byKey.size + 1}:${name}`, { name, value });
  }

  /** Python's `dict(defaults); update(section)`: an equal numbered key replaces in place. */
  mergedOver(defaults: SectionOptions): TemplateOption[] {
    const merged = new Map(defaults.#byKey);
    for (const [key, option] of this.#byKey) merged.set(key, option);
    return [...merged.values()];
  }
}

function commentStart(line: string): number | undefined {
  if (pythonStrip(line).startsWith('#') || pythonStrip(line).startsWith(';')) return 0;
  // An inline comment is a `;` at the start of the line or after white space.
  for (let index = line.indexOf(';'); index !== -1; index = line.indexOf(';', index + 1)) {
    if (index === 0 || isPythonSpace(line[index - 1])) return index;
  }
  return undefined;
}

function indentOf(line: string): number {
  let index = 0;
  while (index < line.length && isPythonSpace(line[index])) index += 1;
  return index;
}

/** `key<delim>value` with the first `=` or `:` as delimiter; null when the line has neither. */
function splitOption(text: string): { name: string; value: string } | null {
  const delimiter = text.search(/[=:]/);
  if (delimiter === -1) return null;
  return { name: pythonStrip(text.slice(0, delimiter)).toLowerCase(), value: pythonStrip(text.slice(delimiter + 1)) };
}

/**
 * Parses the text of a contexts template with the rules of upstream's parser (Python's
 * RawConfigParser, non-strict, `;` inline comments, duplicate keys kept). A continuation line
 * (indented under an option) made upstream crash, and a line that is neither a section nor an
 * option made it fail: both are reported as errors.
 */
export function parseContextsTemplate(text: string): ContextsTemplate {
  const sections = new Map<string, SectionOptions>();
  const defaults = new SectionOptions();
  let current: SectionOptions | undefined;
  let afterOption = false;
  let indentLevel = 0;
  let firstError: ContextsTemplateSyntaxError | undefined;

  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const lineNumber = index + 1;
    const content = pythonStrip(line.slice(0, commentStart(line)));
    if (content === '') {
      indentLevel = Number.POSITIVE_INFINITY;
      return;
    }
    const indent = indentOf(line);
    if (current && afterOption && indent > indentLevel) {
      throw new ContextsTemplateSyntaxError(lineNumber, 'an indented line continues the previous value, which is not supported');
    }
    indentLevel = indent;
    const header = /^\[([\s\S]+)\]/.exec(content);
    if (header) {
      const name = header[1] ?? '';
      if (name === DEFAULT_SECTION) current = defaults;
      else current = sections.get(name) ?? sections.set(name, new SectionOptions()).get(name);
      afterOption = false;
      return;
    }
    if (!current) throw new ContextsTemplateSyntaxError(lineNumber, 'an option comes before any [section]');
    const option = splitOption(content);
    if (!option || option.name === '') {
      firstError ??= new ContextsTemplateSyntaxError(lineNumber, `not a "key = value" line: ${content}`);
      if (!option) return;
    }
    current.add(option.name, option.value);
    afterOption = option.name !== '';
  });
  if (firstError) throw firstError;

  return {
    hasSection: (name) => sections.has(name),
    options: (name) => sections.get(name)?.mergedOver(defaults),
  };
}

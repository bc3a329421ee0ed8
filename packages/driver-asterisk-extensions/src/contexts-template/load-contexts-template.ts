import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { confgendError, describeError } from '@wazo-confgend/core';
import { ContextsTemplateSyntaxError, parseContextsTemplate, type ContextsTemplate } from './parse-contexts-template.js';

/** The contexts template this package ships: upstream's default contexts.conf. */
export const SHIPPED_CONTEXTS_TEMPLATE = fileURLToPath(new URL('../../templates/contexts.conf', import.meta.url));

/** Where upstream installs its default; the service's built-in configuration names it. */
export const UPSTREAM_CONTEXTS_TEMPLATE = '/etc/wazo-confgend/templates/contexts.conf';

const KEY = 'templates.contextsconf';

/** The file a configuration selects, and the one to read instead should it not exist. */
export interface ContextsTemplateSource {
  readonly path: string;
  readonly fallbackWhenMissing?: string;
}

/**
 * `templates.contextsconf` when set. Unset, or left at the built-in value on a machine where
 * upstream's file is not installed, it is the template shipped here.
 */
export function contextsTemplateSource(config: { readonly [key: string]: unknown }): ContextsTemplateSource {
  const templates = config['templates'];
  const configured = typeof templates === 'object' && templates !== null ? (templates as Record<string, unknown>)['contextsconf'] : undefined;
  if (typeof configured !== 'string' || configured === '') return { path: SHIPPED_CONTEXTS_TEMPLATE };
  if (configured === UPSTREAM_CONTEXTS_TEMPLATE) return { path: configured, fallbackWhenMissing: SHIPPED_CONTEXTS_TEMPLATE };
  return { path: configured };
}


async function readTemplate(source: ContextsTemplateSource): Promise<{ path: string; text: string }> {
  try {
    return { path: source.path, text: await readFile(source.path, 'utf8') };
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (missing && source.fallbackWhenMissing !== undefined) return readTemplate({ path: source.fallbackWhenMissing });
    throw confgendError('WCG_ERR_GENERATION_FAILED', 'templateUnreadable', { path: source.path, key: KEY, reason: describeError(error) }, {
      cause: error,
      details: { key: KEY, path: source.path },
    });
  }
}

/**
 * Reads and parses the contexts template, as upstream does on every generation, so an edit
 * applies to the next one. A template without `[template]` or `[xivo-features]` fails.
 */
export async function loadContextsTemplate(source: ContextsTemplateSource): Promise<ContextsTemplate> {
  const { path, text } = await readTemplate(source);
  let template: ContextsTemplate;
  try {
    template = parseContextsTemplate(text);
  } catch (error) {
    if (!(error instanceof ContextsTemplateSyntaxError)) throw error;
    throw confgendError('WCG_ERR_GENERATION_FAILED', 'templateInvalid', { path, key: KEY, reason: error.message }, { cause: error, details: { key: KEY, path } });
  }
  for (const required of ['template', 'xivo-features']) {
    if (!template.hasSection(required)) {
      throw confgendError('WCG_ERR_GENERATION_FAILED', 'templateInvalid', { path, key: KEY, reason: `it has no [${required}] section` }, { details: { key: KEY, path } });
    }
  }
  return template;
}

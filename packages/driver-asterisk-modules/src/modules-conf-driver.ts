import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderJinjaTemplate } from '@wazo-confgend/asterisk-conf';
import { confgendError, describeError } from '@wazo-confgend/core';
import { disabledModules } from './disabled-modules.js';

/** The template this driver ships: used when `templates.modulesconf` names none. */
export const SHIPPED_MODULES_TEMPLATE = fileURLToPath(new URL('../templates/modules.conf.jinja2', import.meta.url));

function templatePathOf(config: { readonly [key: string]: unknown }): string | undefined {
  const templates = config['templates'];
  if (typeof templates !== 'object' || templates === null) return undefined;
  const path = (templates as Record<string, unknown>)['modulesconf'];
  return typeof path === 'string' && path !== '' ? path : undefined;
}

/**
 * asterisk/modules.conf: the Jinja template named by `templates.modulesconf`, rendered with
 * `modules`, the modules `enabled_asterisk_modules` disables. No database access.
 *
 * As upstream, the module list and the template path are taken from the configuration once, and
 * the template file is read on every generation. Upstream failed at construction when the key was
 * missing; here the shipped template is the default, and a template the configuration names that
 * cannot be read fails the generation naming the key and the path (the last good file is served).
 */
export class ModulesConfDriver {
  readonly #modules: readonly string[];
  readonly #templatePath: string;

  constructor(config: { readonly [key: string]: unknown }) {
    this.#modules = disabledModules(config['enabled_asterisk_modules']);
    this.#templatePath = templatePathOf(config) ?? SHIPPED_MODULES_TEMPLATE;
  }

  async generate(): Promise<string> {
    const path = this.#templatePath;
    let source: string;
    try {
      source = await readFile(path, 'utf8');
    } catch (error) {
      throw confgendError('WCG_ERR_GENERATION_FAILED', 'templateUnreadable', { path, key: 'templates.modulesconf', reason: describeError(error) }, {
        cause: error,
        details: { key: 'templates.modulesconf', path },
      });
    }
    return renderJinjaTemplate(source, { modules: this.#modules }, path);
  }
}

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { operatorTemplatesDir, readFirstTemplate, renderJinjaTemplate, withPythonGet } from '@wazo-confgend/asterisk-conf';
import { confgendError } from '@wazo-confgend/core';
import { findAllMoh } from './queries/find-all-moh.js';

const TEMPLATE_NAME = join('asterisk', 'musiconhold.jinja');

/** The template this package ships (next to dist/ and src/ alike). */
export const SHIPPED_MUSICONHOLD_TEMPLATE = fileURLToPath(new URL('../templates/asterisk/musiconhold.jinja', import.meta.url));

/** Asterisk's sort names for the API's. */
const SORT_NAMES = { alphabetical: 'alpha', random_start: 'randstart' };

/**
 * asterisk/musiconhold.conf, rendered from a Jinja template: `asterisk/musiconhold.jinja` in the
 * operators' template directory (`templates_dir`, else /etc/wazo-confgend/templates) when it exists,
 * else the one shipped here. Templates see upstream's context: `base_directory`, `moh_list` (every
 * class, with upstream's attribute names) and `sort_map` (with a Python-like `get`).
 */
export class MusiconholdConfDriver {
  readonly #candidates: readonly string[];

  constructor(config: { readonly [key: string]: unknown }) {
    this.#candidates = [join(operatorTemplatesDir(config), TEMPLATE_NAME), SHIPPED_MUSICONHOLD_TEMPLATE];
  }

  async generate(): Promise<string> {
    const template = await readFirstTemplate(this.#candidates);
    if (!template) {
      throw confgendError('WCG_ERR_GENERATION_FAILED', 'templateMissing', {
        what: 'musiconhold.conf',
        candidates: this.#candidates,
        packageName: '@wazo-confgend/driver-asterisk-musiconhold',
      });
    }
    return renderJinjaTemplate(
      template.source,
      { base_directory: '/var/lib/asterisk/moh', moh_list: await findAllMoh(), sort_map: withPythonGet(SORT_NAMES) },
      template.path,
    );
  }
}

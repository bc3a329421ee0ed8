import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileJinjaTemplate, readFirstTemplate, type TemplateFile } from '@wazo-confgend/asterisk-conf';
import { confgendError, describeError } from '@wazo-confgend/core';
import type { Ivr, IvrDestination } from '../queries/find-ivrs.js';
import { withJinjaStringLiterals } from './jinja-string-literals.js';

/** The IVR template this package ships (next to dist/ and src/ alike). */
export const SHIPPED_IVR_TEMPLATE = fileURLToPath(new URL('../../templates/asterisk/extensions/ivr.jinja', import.meta.url));

const TEMPLATE_DIR = join('asterisk', 'extensions');

/** A destination as the template sees it: upstream's dialaction, with its `gosub_args`. */
function templateDestination(destination: IvrDestination | null | undefined) {
  if (!destination) return null;
  const { action, actionarg1, actionarg2 } = destination;
  return { action, actionarg1, actionarg2, gosub_args: [action, actionarg1 ?? '', actionarg2 ?? ''].join(',') };
}

function templateIvr(ivr: Ivr) {
  const { choices, destinations, ...columns } = ivr;
  return {
    ...columns,
    choices: choices.map((choice) => ({ exten: choice.exten, destination: templateDestination(choice.destination) })),
    timeout_destination: templateDestination(destinations.get('timeout')),
    invalid_destination: templateDestination(destinations.get('invalid')),
    abort_destination: templateDestination(destinations.get('abort')),
  };
}

/**
 * Renders each IVR with `asterisk/extensions/ivr-<id>.jinja` from the operators' template
 * directory, else its `ivr.jinja`, else the shipped template; every block is followed by a
 * newline. Each template file is read once per generation.
 */
export class IvrRenderer {
  readonly #templatesDir: string;
  readonly #read = new Map<string, Promise<TemplateFile | null>>();
  #overrideNames: Promise<ReadonlySet<string> | null> | undefined;

  constructor(templatesDir: string) {
    this.#templatesDir = templatesDir;
  }

  /**
   * The file names of the operators' IVR directory, listed once rather than probing one
   * `ivr-<id>.jinja` per IVR; null when it cannot be listed but may exist, to probe as before.
   */
  #listOverrides(): Promise<ReadonlySet<string> | null> {
    this.#overrideNames ??= readdir(join(this.#templatesDir, TEMPLATE_DIR)).then(
      (names) => new Set(names),
      (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' || error.code === 'ENOTDIR' ? new Set<string>() : null),
    );
    return this.#overrideNames;
  }

  async render(ivrs: readonly Ivr[], output: { write(text: string): void }): Promise<void> {
    // most IVRs share one template: compiled once per generation, not once per IVR
    const compiled = new Map<string, (context: object) => string>();
    for (const ivr of ivrs) {
      const template = await this.#templateFor(ivr.id);
      let text: string;
      try {
        let render = compiled.get(template.path);
        if (!render) {
          render = compileJinjaTemplate(template.source, template.path);
          compiled.set(template.path, render);
        }
        text = render({ ivr: templateIvr(ivr) });
      } catch (error) {
        throw confgendError('WCG_ERR_GENERATION_FAILED', 'templateFailed', { what: `IVR ${ivr.id}`, path: template.path, reason: describeError(error) }, {
          cause: error,
          details: { path: template.path },
        });
      }
      output.write(`${text}\n`);
    }
  }

  async #templateFor(ivrId: number): Promise<TemplateFile> {
    const candidates = [
      join(this.#templatesDir, TEMPLATE_DIR, `ivr-${ivrId}.jinja`),
      join(this.#templatesDir, TEMPLATE_DIR, 'ivr.jinja'),
      SHIPPED_IVR_TEMPLATE,
    ];
    const overrides = await this.#listOverrides();
    const ownTemplate = `ivr-${ivrId}.jinja`;
    for (const path of overrides === null || overrides.has(ownTemplate) ? candidates : candidates.slice(1)) {
      let file = this.#read.get(path);
      if (!file) {
        // Rewritten once for nunjucks, whatever the number of IVRs sharing it.
        file = readFirstTemplate([path]).then((found) => found && { path, source: withJinjaStringLiterals(found.source) });
        this.#read.set(path, file);
      }
      const template = await file;
      if (template) return template;
    }
    throw confgendError('WCG_ERR_GENERATION_FAILED', 'templateMissing', { what: 'IVR', candidates, packageName: '@wazo-confgend/driver-asterisk-extensions' });
  }
}

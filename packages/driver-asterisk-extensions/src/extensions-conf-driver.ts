import { ConfOutput, operatorTemplatesDir } from '@wazo-confgend/asterisk-conf';
import { confgendError } from '@wazo-confgend/core';
import { contextsTemplateSource, loadContextsTemplate, type ContextsTemplateSource } from './contexts-template/load-contexts-template.js';
import { contextHints, sharedLineHints } from './hints/build-hints.js';
import { IvrRenderer } from './ivr/render-ivrs.js';
import { findDialplan } from './queries/find-dialplan.js';
import { findFeatureExtensions, type FeatureExtensionRow } from './queries/find-feature-extensions.js';
import { findHintRows } from './queries/find-hints.js';
import { findIvrs } from './queries/find-ivrs.js';
import { writeDialplan } from './render-dialplan.js';

/** The extension of a feature upstream reads as a single value: a second row was an error there. */
function singleFeatureExten(features: readonly FeatureExtensionRow[], name: string): string | null {
  const rows = features.filter((feature) => feature.feature === name);
  if (rows.length > 1) {
    throw confgendError('WCG_ERR_GENERATION_FAILED', 'missingData', { problem: `the feature_extension table has ${rows.length} ${name} rows, one is expected` }, {
      details: { feature: name },
    });
  }
  return rows[0]?.exten ?? null;
}

/**
 * asterisk/extensions.conf: the contexts template (`templates.contextsconf`) applied to every
 * enabled context with its includes, extensions and hints, then `[xivo-features]` and the IVRs
 * (`asterisk/extensions/ivr[-<id>].jinja`, operators' directory first). A constant number of
 * queries whatever the number of contexts; the template is read on every generation.
 */
export class ExtensionsConfDriver {
  readonly #contextsTemplate: ContextsTemplateSource;
  readonly #templatesDir: string;

  constructor(config: { readonly [key: string]: unknown }) {
    this.#contextsTemplate = contextsTemplateSource(config);
    this.#templatesDir = operatorTemplatesDir(config);
  }

  async generate(): Promise<string> {
    const template = await loadContextsTemplate(this.#contextsTemplate);
    const featureExtensions = await findFeatureExtensions();
    const dialplan = await findDialplan();
    const hintRows = await findHintRows();
    const bsfilter = singleFeatureExten(featureExtensions, 'bsfilter');
    // Upstream reads this prefix once per context, so without contexts a duplicate went unnoticed.
    const progfunckey = dialplan.contexts.length > 0 ? singleFeatureExten(featureExtensions, 'phoneprogfunckey') : null;
    const ivrs = await findIvrs();

    const output = new ConfOutput();
    writeDialplan(output, template, {
      dialplan,
      sharedLineHints: sharedLineHints(hintRows.sharedLines),
      contextHints: contextHints(hintRows, { progfunckey, bsfilter }),
      featureExtensions,
    });
    await new IvrRenderer(this.#templatesDir).render(ivrs, output);
    return output.toString();
  }
}

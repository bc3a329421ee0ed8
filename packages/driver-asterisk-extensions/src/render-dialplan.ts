import { ConfWriter, type ConfOutput } from '@wazo-confgend/asterisk-conf';
import { confgendError } from '@wazo-confgend/core';
import type { ContextsTemplate } from './contexts-template/parse-contexts-template.js';
import { cleanExtension } from './dialplan/extension-patterns.js';
import { FEATURE_ACTIONS } from './dialplan/feature-actions.js';
import { extensionAction } from './dialplan/objtpl.js';
import { ObjtplBlock } from './dialplan/objtpl-block.js';
import type { ContextHints } from './hints/build-hints.js';
import type { Dialplan } from './queries/find-dialplan.js';
import type { FeatureExtensionRow } from './queries/find-feature-extensions.js';

/** Everything the dialplan part of extensions.conf (all but the IVRs) is made of. */
export interface DialplanData {
  readonly dialplan: Dialplan;
  readonly sharedLineHints: readonly string[];
  readonly contextHints: ContextHints;
  /** Every `feature_extension` row, ordered by exten. */
  readonly featureExtensions: readonly FeatureExtensionRow[];
}

const FORWARD_FEATURES = ['busy', 'rna', 'unc'] as const;
const XIVO_FEATURES = 'xivo-features';
const withContext = (value: string, context: string) => value.replaceAll('%%CONTEXT%%', () => context);

/** Raw lines, each ending with a newline, in one write. */
function writeLines(output: ConfOutput, lines: readonly string[] | undefined): void {
  if (lines && lines.length > 0) output.write(`${lines.join('\n')}\n`);
}

/** The template section a context is written from: its own, its type's, else `[template]`. */
function sectionFor(template: ContextsTemplate, context: { name: string; contexttype: string }): string {
  if (template.hasSection(context.name)) return context.name;
  const typeSection = `type:${context.contexttype}`;
  return template.hasSection(typeSection) ? typeSection : 'template';
}

/** Writes a section's plain options and returns its objtpl lines. */
function writeTemplateOptions(writer: ConfWriter, template: ContextsTemplate, section: string, context: string, afterEach?: () => void) {
  const objtpl: string[] = [];
  for (const option of template.options(section) ?? []) {
    if (option.name === 'objtpl') {
      objtpl.push(option.value);
      continue;
    }
    writer.option(option.name, withContext(option.value, context));
    afterEach?.();
  }
  return objtpl;
}

function writeContexts(output: ConfOutput, writer: ConfWriter, template: ContextsTemplate, data: DialplanData): void {
  const { contexts, includesByContext, extensionsByContext } = data.dialplan;
  for (const context of contexts) {
    if (template.hasSection(`!${context.name}`)) continue;
    writer.newline();
    writer.section(context.name);
    const objtpl = writeTemplateOptions(writer, template, sectionFor(template, context), context.name);
    for (const include of includesByContext.get(context.name) ?? []) writer.option('include', include);
    writer.newline();
    // Extensions come by context, so every one of them has this context and its tenant.
    const block = new ObjtplBlock(writer, output, objtpl, { context: context.name, tenantUuid: context.tenant_uuid });
    for (const extension of extensionsByContext.get(context.name) ?? []) block.write(extension.exten, extensionAction(extension));
    writeLines(output, data.contextHints.get(context.name));
  }
}

/**
 * `[xivo-features]`: the template's plain options (each followed by an empty line, as upstream
 * writes them), the enabled features that have an action, then the forward shortcuts.
 */
function writeXivoFeatures(output: ConfOutput, writer: ConfWriter, template: ContextsTemplate, featureExtensions: readonly FeatureExtensionRow[]): void {
  writer.section(XIVO_FEATURES);
  const objtpl = writeTemplateOptions(writer, template, XIVO_FEATURES, XIVO_FEATURES, () => writer.newline());
  const block = new ObjtplBlock(writer, output, objtpl, { context: XIVO_FEATURES, tenantUuid: '' });
  for (const feature of featureExtensions) {
    const action = FEATURE_ACTIONS.get(feature.feature);
    if (!feature.enabled || action === undefined) continue;
    block.write(feature.exten, action);
  }
  // Upstream looks the forward features up by name, the last row of a name winning.
  const byName = new Map(featureExtensions.map((feature) => [feature.feature, feature]));
  for (const forward of FORWARD_FEATURES) {
    const feature = byName.get(`fwd${forward}`);
    if (!feature) {
      throw confgendError('WCG_ERR_GENERATION_FAILED', 'missingData', { problem: `the feature_extension table has no fwd${forward} row` }, {
        details: { feature: `fwd${forward}` },
      });
    }
    if (!feature.enabled) continue;
    const exten = cleanExtension(feature.exten);
    writer.option('exten', `${exten},1,Set(__WAZO_BASE_CONTEXT=\${CONTEXT})`);
    writer.option('exten', `${exten},n,Set(__XIVO_BASE_EXTEN=\${EXTEN})`);
    writer.option('exten', `${exten},n,Gosub(feature_forward,s,1(${forward}))`);
  }
}

/**
 * Writes `[usersharedlines]`, every enabled context and `[xivo-features]` with upstream's
 * writer boundaries: the shared hints and each context's hints are raw lines, the rest goes
 * through one writer, each context preceded by one more empty line.
 */
export function writeDialplan(output: ConfOutput, template: ContextsTemplate, data: DialplanData): void {
  output.write('[usersharedlines]\n');
  writeLines(output, data.sharedLineHints);
  const writer = new ConfWriter(output);
  writeContexts(output, writer, template, data);
  writeXivoFeatures(output, writer, template, data.featureExtensions);
}

import type { SipEndpointSettings, SipOption } from '../queries/types.js';
import { CONSTANT_OPTIONS } from '../resolver/constant-options.js';
import { optionLine, type SharedOptionLines } from './write-options.js';

/**
 * The lines of the options written many times over: the generated constants and the templates'
 * own options, which every endpoint using the template inherits as the same tuples. A line
 * endpoint is mostly inherited options, so this spares building most of the file's lines.
 */
export function sharedOptionLines(endpoints: ReadonlyMap<string, SipEndpointSettings>): SharedOptionLines {
  const shared = new Map<SipOption, string>();
  const add = (option: SipOption) => {
    if (shared.has(option)) return;
    // An option that cannot be written stays out, so the section writing it names it when it fails.
    const line = optionLine(option);
    if (line !== null) shared.set(option, line);
  };
  CONSTANT_OPTIONS.forEach(add);
  for (const endpoint of endpoints.values()) {
    if (!endpoint.template) continue;
    for (const options of endpoint.sections.values()) options.forEach(add);
  }
  return shared;
}

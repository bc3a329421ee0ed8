import { ConfWriter, type ConfOutput } from '@wazo-confgend/asterisk-conf';
import type { ResolvedEndpoint } from '../resolver/sections.js';
import { writeOptions, type SharedOptionLines } from './write-options.js';

/**
 * Lines and meeting guests: the endpoint section (commented with its label), then the sections
 * named by its `aors` and `auth` options, in that order, written even when empty. Identify,
 * registration and outbound auth sections are never written for them, even when configured.
 */
export function renderSimpleEndpoints(output: ConfOutput, endpoints: Iterable<ResolvedEndpoint>, shared?: SharedOptionLines): void {
  const writer = new ConfWriter(output);
  for (const { name, label, sections } of endpoints) {
    writer.section(name, label);
    writeOptions(output, name, sections.endpoint, shared);
    let aorName: string | undefined;
    let authName: string | undefined;
    for (const [key, value] of sections.endpoint) {
      if (key === 'auth') authName = value;
      else if (key === 'aors') aorName = value;
    }
    if (aorName !== undefined) {
      writer.section(aorName);
      writeOptions(output, aorName, sections.aor, shared);
    }
    if (authName !== undefined) {
      writer.section(authName);
      writeOptions(output, authName, sections.auth, shared);
    }
  }
}

import { ConfWriter, type ConfOutput } from '@wazo-confgend/asterisk-conf';
import type { ResolvedEndpoint, SectionName } from '../resolver/sections.js';
import { writeOptions, type SharedOptionLines } from './write-options.js';

/**
 * Upstream writes a trunk's other sections in the alphabetical order of its internal list names
 * (`aor_section_options` ... `registration_outbound_auth_section_options` before
 * `registration_section_options`).
 */
const TRUNK_SECTION_ORDER: readonly Exclude<SectionName, 'endpoint'>[] = [
  'aor',
  'auth',
  'identify',
  'outbound_auth',
  'registration_outbound_auth',
  'registration',
];

/**
 * Trunks: the endpoint section, then each non-empty section under its name: identify and
 * registration under the trunk's name, aor/auth/outbound_auth under the endpoint's `aors`/`auth`/
 * `outbound_auth` values, registration_outbound_auth under the registration's `outbound_auth`.
 */
export function renderTrunks(output: ConfOutput, trunks: Iterable<ResolvedEndpoint>, shared?: SharedOptionLines): void {
  const writer = new ConfWriter(output);
  for (const { name, label, sections } of trunks) {
    writer.section(name, label);
    writeOptions(output, name, sections.endpoint, shared);
    const names = new Map<SectionName, string>([
      ['identify', name],
      ['registration', name],
    ]);
    for (const [key, value] of sections.endpoint) {
      if (key === 'auth') names.set('auth', value);
      else if (key === 'aors') names.set('aor', value);
      else if (key === 'outbound_auth') names.set('outbound_auth', value);
    }
    for (const [key, value] of sections.registration) {
      if (key === 'outbound_auth') names.set('registration_outbound_auth', value);
    }
    for (const section of TRUNK_SECTION_ORDER) {
      const sectionName = names.get(section);
      const options = sections[section];
      if (sectionName === undefined || options.length === 0) continue;
      writer.section(sectionName);
      writeOptions(output, sectionName, options, shared);
    }
  }
}

import type { SipOption } from '../queries/types.js';

/** The seven lists of a resolved endpoint, as upstream names its sections. */
export const SECTION_NAMES = [
  'aor',
  'auth',
  'endpoint',
  'identify',
  'outbound_auth',
  'registration',
  'registration_outbound_auth',
] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/** A non-template endpoint after resolution: every list canonicalised. */
export interface ResolvedEndpoint {
  readonly name: string;
  readonly label: string | null;
  readonly sections: Readonly<Record<SectionName, readonly SipOption[]>>;
}

import { pickupGroupsByEndpoint, renderAsteriskFile, type AsteriskFile } from '@wazo-confgend/asterisk-conf';
import type { PjsipConfData } from './queries/types.js';
import { BufferedOutput } from './render/buffered-output.js';
import { sharedOptionLines } from './render/shared-option-lines.js';
import { renderSimpleEndpoints } from './render/render-simple-endpoints.js';
import { renderTransports } from './render/render-transports.js';
import { renderTrunks } from './render/render-trunks.js';
import { LineResolver } from './resolver/line-resolver.js';
import { MeetingGuestResolver } from './resolver/meeting-guest-resolver.js';
import { resolveEndpoints } from './resolver/resolve-endpoints.js';
import { TrunkResolver } from './resolver/trunk-resolver.js';

/** The sections pjsip.conf always has, written empty when the database lacks them. */
export const PJSIP_REQUIRED_SECTIONS: readonly string[] = ['global', 'system'];

/**
 * pjsip.conf with upstream's layout: the administrator's `global`/`system` block, the transports,
 * a blank line, the lines, a blank line, the trunks, a blank line, the meeting guests. Each group
 * has its own writer, so no group starts with a separator of its own; that is what puts exactly
 * one empty line between groups, and three at the end of a file without endpoints.
 */
export function renderPjsipConf(globalBlock: AsteriskFile | null, data: PjsipConfData): string {
  const output = new BufferedOutput();
  renderAsteriskFile(globalBlock, PJSIP_REQUIRED_SECTIONS, output);
  renderTransports(output, data.transports);
  output.write('\n');

  const shared = sharedOptionLines(data.endpoints);
  const lineData = { tenants: data.tenants, pickupGroups: pickupGroupsByEndpoint(data.pickupMemberships) };
  const lines = resolveEndpoints(
    data.lines,
    data.endpoints,
    (line) => line.endpointUuid,
    (endpoint, registry, line) => new LineResolver(endpoint, registry, line, lineData),
  );
  renderSimpleEndpoints(output, lines, shared);
  output.write('\n');

  const trunks = resolveEndpoints(
    data.trunks,
    data.endpoints,
    (trunk) => trunk.endpointUuid,
    (endpoint, registry, trunk) => new TrunkResolver(endpoint, registry, trunk, data.tenants),
  );
  renderTrunks(output, trunks, shared);
  output.write('\n');

  const guests = resolveEndpoints(
    data.meetingGuests,
    data.endpoints,
    (guest) => guest.endpointUuid,
    (endpoint, registry, guest) => new MeetingGuestResolver(endpoint, registry, guest, data.tenants),
  );
  renderSimpleEndpoints(output, guests, shared);
  return output.toString();
}

import { pythonIntSetOrder } from '@wazo-confgend/asterisk-conf';
import type { SccpPickupMembership } from './queries/find-sccp-pickup-memberships.js';

/** The pickup groups of one SCCP line, each list in the order upstream joins it. */
export interface LinePickupGroups {
  /** `pickup` category: `namedcallgroup`; undefined when the line has none. */
  readonly call?: readonly number[];
  /** `member` category: `namedpickupgroup`; undefined when the line has none. */
  readonly pickup?: readonly number[];
}

/** Groups memberships by `sccpline` id; ids come out in the iteration order of upstream's sets. */
export function pickupGroupsByLine(memberships: readonly SccpPickupMembership[]): Map<number, LinePickupGroups> {
  const added = new Map<number, { call: number[]; pickup: number[] }>();
  for (const membership of memberships) {
    let groups = added.get(membership.endpoint_sccp_id);
    if (!groups) added.set(membership.endpoint_sccp_id, (groups = { call: [], pickup: [] }));
    (membership.category === 'pickup' ? groups.call : groups.pickup).push(membership.pickup_id);
  }
  const byLine = new Map<number, LinePickupGroups>();
  for (const [lineId, { call, pickup }] of added) {
    byLine.set(lineId, {
      ...(call.length > 0 && { call: pythonIntSetOrder(call) }),
      ...(pickup.length > 0 && { pickup: pythonIntSetOrder(pickup) }),
    });
  }
  return byLine;
}

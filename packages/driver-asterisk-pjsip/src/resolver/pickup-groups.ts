import { pythonIntSetOrder } from '@wazo-confgend/asterisk-conf';
import type { PickupMembership } from '../queries/types.js';

/** The pickup group ids of one line endpoint, each list in the order upstream writes it. */
export interface EndpointPickupGroups {
  /** `member` category: groups this endpoint may pick up calls from (`named_pickup_group`). */
  readonly pickup: readonly number[];
  /** `pickup` category: groups whose members may pick up this endpoint's calls (`named_call_group`). */
  readonly call: readonly number[];
}

/** Groups memberships by endpoint; ids keep the iteration order of the Python sets upstream joins. */
export function pickupGroupsByEndpoint(memberships: readonly PickupMembership[]): Map<string, EndpointPickupGroups> {
  const added = new Map<string, { pickup: number[]; call: number[] }>();
  for (const membership of memberships) {
    let groups = added.get(membership.endpointUuid);
    if (!groups) added.set(membership.endpointUuid, (groups = { pickup: [], call: [] }));
    (membership.category === 'member' ? groups.pickup : groups.call).push(membership.pickupId);
  }
  const result = new Map<string, EndpointPickupGroups>();
  for (const [endpointUuid, groups] of added) {
    result.set(endpointUuid, { pickup: pythonIntSetOrder(groups.pickup), call: pythonIntSetOrder(groups.call) });
  }
  return result;
}

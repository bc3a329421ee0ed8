import { pythonIntSetOrder } from './python-int-set.js';

/** One line endpoint in one pickup group, as dao's `findPickupMemberships` reads it. */
export interface PickupGroupMember<E> {
  readonly endpoint: E;
  /** `member`: a pickup group of the endpoint; `pickup`: a call group of the endpoint. */
  readonly category: 'member' | 'pickup';
  readonly pickupId: number;
}

/** The pickup group ids of one line endpoint, each list in the order upstream joins it. */
export interface PickupGroups {
  /** `member` category: the groups whose calls this endpoint may pick up (pjsip `named_pickup_group`, sccp `namedpickupgroup`). */
  readonly pickup: readonly number[];
  /** `pickup` category: the groups that may pick up this endpoint's calls (pjsip `named_call_group`, sccp `namedcallgroup`). */
  readonly call: readonly number[];
}

/**
 * Groups memberships by endpoint. Upstream collects each list in a Python set and joins it, so
 * the ids come out in CPython's iteration order of the set, filled in the order they are given.
 */
export function pickupGroupsByEndpoint<E>(memberships: Iterable<PickupGroupMember<E>>): Map<E, PickupGroups> {
  const added = new Map<E, { pickup: number[]; call: number[] }>();
  for (const membership of memberships) {
    let groups = added.get(membership.endpoint);
    if (!groups) added.set(membership.endpoint, (groups = { pickup: [], call: [] }));
    (membership.category === 'member' ? groups.pickup : groups.call).push(membership.pickupId);
  }
  const result = new Map<E, PickupGroups>();
  for (const [endpoint, groups] of added) {
    result.set(endpoint, { pickup: pythonIntSetOrder(groups.pickup), call: pythonIntSetOrder(groups.call) });
  }
  return result;
}

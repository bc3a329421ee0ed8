import { describe, expect, it } from 'vitest';
import { pickupGroupsByEndpoint } from './pickup-groups.js';

describe('pickupGroupsByEndpoint', () => {
  it('gives each endpoint its pickup groups (member category) and call groups (pickup category) in set order', () => {
    const groups = pickupGroupsByEndpoint([
      { endpoint: 1, category: 'member', pickupId: 3 },
      { endpoint: 1, category: 'member', pickupId: 10 },
      { endpoint: 2, category: 'pickup', pickupId: 4 },
    ]);
    // {3, 10} iterates as 10, 3 in CPython: 10 lands in slot 2 of an 8-slot table, 3 in slot 3
    expect(groups.get(1)).toEqual({ pickup: [10, 3], call: [] });
    expect(groups.get(2)).toEqual({ pickup: [], call: [4] });
    expect(groups.get(3)).toBeUndefined();
  });

  it('keys SIP endpoints by uuid as well as SCCP lines by id', () => {
    const groups = pickupGroupsByEndpoint([
      { endpoint: 'a-uuid', category: 'pickup', pickupId: 9 },
      { endpoint: 'a-uuid', category: 'pickup', pickupId: 1 },
      { endpoint: 'a-uuid', category: 'member', pickupId: 2 },
    ]);
    // 9 then 1 share slot 1 of an 8-slot table: 1 goes to the next slot, after 9 (as CPython gives)
    expect(groups.get('a-uuid')).toEqual({ pickup: [2], call: [9, 1] });
  });
});

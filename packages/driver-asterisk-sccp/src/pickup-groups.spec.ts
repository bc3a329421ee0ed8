import { describe, expect, it } from 'vitest';
import { pickupGroupsByLine } from './pickup-groups.js';

describe('pickupGroupsByLine', () => {
  it('gives each line its call groups (pickup category) and pickup groups (member category) in set order', () => {
    const groups = pickupGroupsByLine([
      { endpoint_sccp_id: 1, category: 'member', pickup_id: 3 },
      { endpoint_sccp_id: 1, category: 'member', pickup_id: 10 },
      { endpoint_sccp_id: 2, category: 'pickup', pickup_id: 4 },
    ]);
    expect(groups.get(1)).toEqual({ pickup: [10, 3] });
    expect(groups.get(2)).toEqual({ call: [4] });
    expect(groups.get(3)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { pythonIntSetOrder } from './python-int-set.js';

describe('pythonIntSetOrder', () => {
  it('iterates small ids of a small table in slot order, which is ascending order', () => {
    expect(pythonIntSetOrder([2, 1, 5])).toEqual([1, 2, 5]);
  });

  it('puts an id in slot id mod 8 first: 10 (slot 2) before 3 (slot 3)', () => {
    expect(pythonIntSetOrder([3, 10])).toEqual([10, 3]);
  });

  it('moves a colliding id by the perturbed recurrence: 3 after 11 goes to slot (3 × 5 + 1) mod 8 = 0', () => {
    expect(pythonIntSetOrder([11, 3])).toEqual([3, 11]);
    expect(pythonIntSetOrder([3, 11])).toEqual([11, 3]);
  });

  it('re-places every id when the table grows from 8 to 32 slots at the fifth id', () => {
    // In 8 slots: 64, 32 (after probing), 16, 8, 1; re-placed in 32 slots in that table order.
    expect(pythonIntSetOrder([64, 32, 16, 8, 1])).toEqual([64, 32, 1, 8, 16]);
  });

  it('keeps the first insertion of a repeated id', () => {
    expect(pythonIntSetOrder([5, 100, 37, 69, 100, 5])).toEqual([69, 37, 100, 5]);
  });

  it('refuses what is not a non-negative integer', () => {
    expect(() => pythonIntSetOrder([-1])).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { pythonIntSetOrder } from './python-int-set.js';

// Expected orders were printed by CPython 3.11 (`s = set(); s.add(v) for v in values; list(s)`).
const CPYTHON_ORDERS: [number[], number[]][] = [
  [[3, 10], [10, 3]],
  [[1, 9], [1, 9]],
  [[9, 1], [9, 1]],
  [[1, 2, 3], [1, 2, 3]],
  [[8, 16, 24, 0], [8, 16, 24, 0]],
  [[5, 13, 21, 29, 37, 45], [37, 5, 13, 45, 21, 29]],
  [[100, 4, 12], [12, 100, 4]],
  [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]],
  [[33, 1, 65, 97, 2], [65, 33, 2, 1, 97]],
  [[38, 101, 166, 12, 18, 137, 24, 93, 149, 14, 129], [129, 101, 166, 38, 137, 12, 14, 18, 149, 24, 93]],
  [[9, 22, 111, 107, 17, 61, 23], [9, 107, 111, 17, 22, 23, 61]],
  [[108, 15, 144, 31, 57, 161, 160, 149, 15, 147, 149, 101, 12, 56, 11, 142, 34, 74], [160, 161, 34, 101, 74, 11, 108, 12, 142, 15, 144, 147, 149, 56, 57, 31]],
  [[36, 138, 30, 146, 78, 143, 174, 46, 26, 148, 146, 163, 48, 95], [163, 36, 138, 78, 143, 174, 46, 146, 48, 148, 26, 30, 95]],
  [[140, 182, 16, 144], [16, 140, 144, 182]],
  [[158, 52], [52, 158]],
  [[44918, 26034, 92631, 95531, 83358, 18313, 53044, 45554, 7128, 17015, 1868, 9269, 81978, 97109, 33501], [17015, 18313, 95531, 1868, 26034, 45554, 53044, 9269, 44918, 92631, 7128, 97109, 81978, 33501, 83358]],
  [[21397, 7261, 11073, 87192, 49922, 66314, 87889, 36953, 78483, 31747, 90791, 38411, 5929, 60221, 24294, 20648, 35263, 58435, 474, 34503, 47728, 43113, 71706, 42406, 32040, 4515, 40573, 28556], [49922, 31747, 66314, 38411, 28556, 78483, 21397, 87192, 71706, 4515, 42406, 90791, 20648, 5929, 32040, 60221, 35263, 11073, 58435, 34503, 87889, 36953, 474, 7261, 24294, 43113, 47728, 40573]],
  [[23980, 140, 43952, 50020, 10995, 62212, 36559, 65898, 85985, 26342, 32529, 66156, 648, 11908, 34625, 11764, 18856, 52364, 76913, 5461, 51639, 2948, 39275], [62212, 11908, 2948, 648, 140, 52364, 32529, 18856, 23980, 43952, 51639, 34625, 36559, 5461, 85985, 50020, 26342, 65898, 39275, 66156, 76913, 10995, 11764]],
  [[2 ** 31, 2 ** 31 + 8, 7], [2 ** 31, 2 ** 31 + 8, 7]],
  [[2 ** 53 - 1, 2 ** 40, 3, 2 ** 40 + 8, 2 ** 53 - 9], [2 ** 40, 3, 2 ** 40 + 8, 2 ** 53 - 9, 2 ** 53 - 1]],
];

describe('pythonIntSetOrder', () => {
  it.each(CPYTHON_ORDERS)('iterates %j as CPython does', (values, expected) => {
    expect(pythonIntSetOrder(values)).toEqual(expected);
  });

  it('iterates small ids of a small table in slot order, which is ascending order', () => {
    expect(pythonIntSetOrder([2, 1, 5])).toEqual([1, 2, 5]);
  });

  it('is not ascending order once ids collide in the table: 10 (slot 2 of 8) before 3 (slot 3)', () => {
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

  it('returns nothing for no ids', () => {
    expect(pythonIntSetOrder([])).toEqual([]);
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 53])('rejects %s, which it cannot place exactly', (value) => {
    expect(() => pythonIntSetOrder([value])).toThrow(RangeError);
  });
});

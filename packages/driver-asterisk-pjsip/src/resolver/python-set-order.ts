/**
 * The order in which CPython (3.7 to 3.13) iterates a `set` of small non-negative integers built by
 * adding `values` in turn. Upstream joins pickup group ids straight from such a set, so
 * `named_pickup_group = 10,3` is what it writes for the ids 3 and 10: table slot order, not
 * ascending order. An int hashes to itself; slots are probed linearly (up to 9 further slots),
 * then with the perturbed recurrence; the table grows to 4 × used once 3/5 full.
 */
const MIN_SIZE = 8;
const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5;
const MAX_EXACT_ID = 2 ** 31 - 1;

export function pythonIntSetOrder(values: Iterable<number>): number[] {
  let table: (number | undefined)[] = new Array<number | undefined>(MIN_SIZE);
  let used = 0;
  for (const value of values) {
    if (!Number.isInteger(value) || value < 0 || value > MAX_EXACT_ID) {
      throw new RangeError(`pythonIntSetOrder handles integers from 0 to ${MAX_EXACT_ID}, not ${value}`);
    }
    if (table.includes(value)) continue;
    insert(table, value);
    used += 1;
    if (used * 5 >= (table.length - 1) * 3) table = resize(table, used > 50_000 ? used * 2 : used * 4);
  }
  return table.filter((slot): slot is number => slot !== undefined);
}

function insert(table: (number | undefined)[], value: number): void {
  const mask = table.length - 1;
  let perturb = value;
  let index = value & mask;
  for (;;) {
    const probes = index + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    for (let offset = 0; offset <= probes; offset += 1) {
      if (table[index + offset] === undefined) {
        table[index + offset] = value;
        return;
      }
    }
    perturb = Math.floor(perturb / 2 ** PERTURB_SHIFT);
    index = (index * 5 + 1 + perturb) & mask;
  }
}

function resize(table: readonly (number | undefined)[], minUsed: number): (number | undefined)[] {
  let size = MIN_SIZE;
  while (size <= minUsed) size *= 2;
  const grown = new Array<number | undefined>(size);
  for (const value of table) if (value !== undefined) insert(grown, value);
  return grown;
}

/**
 * The iteration order of a CPython (3.7 to 3.13) `set` of non-negative integers built by adding
 * `values` in turn. Upstream joins pickup group ids straight out of such a set, so it writes
 * `named_pickup_group = 10,3` (pjsip) or `namedpickupgroup = 10,3` (sccp) for the ids 3 and 10:
 * table slot order, not ascending order.
 *
 * An int below 2^61 - 1 is its own hash, so an id lands in slot `id & mask`; a taken slot is
 * followed by up to 9 linear probes (when they fit before the end of the table), then by the
 * perturbed recurrence `i = 5i + 1 + perturb` with `perturb >>= 5`; the 8-slot table grows to the
 * smallest power of two above 4 × used (2 × used past 50 000) once 3/5 of it is filled, and the
 * ids are re-placed in the order of the old table. Small ids in a small table come out ascending,
 * but `{10, 3}` iterates 10 first (slots 2 and 3 of 8). Arithmetic is done on doubles rather than
 * with 32-bit bitwise operators, so every safe integer is placed exactly.
 */
const MINIMUM_SLOTS = 8;
const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5;

export function pythonIntSetOrder(values: Iterable<number>): number[] {
  let table: (number | undefined)[] = new Array<number | undefined>(MINIMUM_SLOTS);
  const members = new Set<number>();
  for (const value of values) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`pythonIntSetOrder handles safe integers from 0 to ${Number.MAX_SAFE_INTEGER}, not ${value}`);
    }
    if (members.has(value)) continue;
    members.add(value);
    place(table, value);
    if (members.size * 5 >= (table.length - 1) * 3) {
      table = grown(table, members.size * (members.size > 50_000 ? 2 : 4));
    }
  }
  return table.filter((slot): slot is number => slot !== undefined);
}

/** Puts `value` in the first free slot of its probe sequence; the table is never full. */
function place(table: (number | undefined)[], value: number): void {
  const mask = table.length - 1;
  let perturb = value;
  let slot = value % table.length;
  for (;;) {
    const probes = slot + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    for (let next = slot; next <= slot + probes; next += 1) {
      if (table[next] === undefined) {
        table[next] = value;
        return;
      }
    }
    perturb = Math.floor(perturb / 2 ** PERTURB_SHIFT);
    slot = (slot * 5 + 1 + perturb) % table.length;
  }
}

function grown(table: readonly (number | undefined)[], minimumUsed: number): (number | undefined)[] {
  let size = MINIMUM_SLOTS;
  while (size <= minimumUsed) size *= 2;
  const bigger = new Array<number | undefined>(size);
  for (const value of table) if (value !== undefined) place(bigger, value);
  return bigger;
}

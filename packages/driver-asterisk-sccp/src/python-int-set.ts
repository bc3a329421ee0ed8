/**
 * The iteration order of a CPython (3.7+) `set` of non-negative integers built by adding `values`
 * in turn: upstream joins pickup group ids straight out of such a set. An int is its own hash,
 * so ids land in table slot `id & mask`; a taken slot is followed by up to 9 linear probes, then
 * by the perturbed recurrence `i = 5i + 1 + perturb`; the 8-slot table grows to the smallest
 * power of two above 4 × used once 3/5 of it is filled. Small ids in a small table come out
 * ascending, but `{10, 3}` iterates 10 first (slots 2 and 3 of 8).
 */
const MINIMUM_SLOTS = 8;
const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5;

export function pythonIntSetOrder(values: Iterable<number>): number[] {
  let table: (number | undefined)[] = new Array<number | undefined>(MINIMUM_SLOTS);
  const members = new Set<number>();
  for (const value of values) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a non-negative integer: ${value}`);
    if (members.has(value)) continue;
    members.add(value);
    place(table, value);
    if (members.size * 5 >= (table.length - 1) * 3) table = grown(table, members.size * (members.size > 50_000 ? 2 : 4));
  }
  return table.filter((slot): slot is number => slot !== undefined);
}

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

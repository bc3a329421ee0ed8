/*
 * How N users are spread over tenants, and how many of every other object each tenant holds.
 *
 * Proportions, per tenant of S users (rounded up, at least one of each):
 *   queues S/50, groups S/25, conference rooms S/100, IVRs S/500, incoming DIDs S/10,
 *   pickup groups S/100 (10 members each), boss/secretary filters S/100, meetings S/200,
 *   agents S/10 (every tenth user), SIP trunks 2 for a small tenant, S/1000 for a large one
 *   (the last one on the twilio_trunk template), 5 skills, 2 skill rules, 2 schedules,
 *   one parking lot, one outgoing route, one music-on-hold class.
 * Per user: see statements.mjs.
 */

export const SHAPES = ['small-tenants', 'large-tenants'];

const SMALL_TENANT_USERS = 100;
/** Share of the users in the first tenant of the large-tenants shape; the second has the rest. */
const MAIN_TENANT_SHARE = 0.8;

const atLeastOne = (value) => Math.max(1, Math.ceil(value));

function tenantSizes(shape, users) {
  if (shape === 'small-tenants') {
    const sizes = [];
    for (let left = users; left > 0; left -= SMALL_TENANT_USERS) sizes.push(Math.min(SMALL_TENANT_USERS, left));
    return sizes;
  }
  if (shape === 'large-tenants') {
    const main = Math.ceil(users * MAIN_TENANT_SHARE);
    return main === users ? [users] : [main, users - main];
  }
  throw new Error(`unknown dataset shape ${shape}: one of ${SHAPES.join(', ')}`);
}

/** Counts of one tenant's objects; `large` picks the trunk count of a big company. */
function tenantCounts(size, large) {
  return {
    queues: atLeastOne(size / 50),
    groups: atLeastOne(size / 25),
    conferences: atLeastOne(size / 100),
    ivrs: atLeastOne(size / 500),
    incalls: atLeastOne(size / 10),
    pickups: atLeastOne(size / 100),
    callfilters: atLeastOne(size / 100),
    meetings: atLeastOne(size / 200),
    agents: atLeastOne(size / 10),
    trunks: large ? Math.max(2, Math.ceil(size / 1000)) : 2,
  };
}

/** The columns of the bench_tenant table the statements read: counts and the id before each range. */
export const TENANT_COLUMNS = [
  't',
  'size',
  'user_base',
  ...Object.keys(tenantCounts(1, false)).flatMap((kind) => [kind, `${kind}_base`]),
];

/**
 * One row per tenant: its number t (1-based), its user count, and for users and every counted
 * object the id just before the tenant's range (ids are `<kind>_base + 1 ..`), so ids stay
 * contiguous whatever the tenant sizes.
 * @param {string} shape
 * @param {number} users
 */
export function datasetLayout(shape, users) {
  if (!Number.isInteger(users) || users < 1) throw new Error(`a dataset needs a whole number of users, got ${users}`);
  const sizes = tenantSizes(shape, users);
  const bases = { user: 0 };
  const tenants = sizes.map((size, index) => {
    const counts = tenantCounts(size, shape === 'large-tenants');
    const row = { t: index + 1, size, user_base: bases.user };
    bases.user += size;
    for (const [kind, count] of Object.entries(counts)) {
      row[kind] = count;
      row[`${kind}_base`] = bases[kind] ?? 0;
      bases[kind] = (bases[kind] ?? 0) + count;
    }
    return row;
  });
  return { shape, users, tenants };
}

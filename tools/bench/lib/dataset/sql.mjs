/*
 * SQL fragments the dataset statements share. Every statement reads the temporary bench_tenant
 * table (one row per tenant, see layout.mjs) and derives ids, names and uuids from row numbers,
 * so a shape and a size always give the same data.
 */

export const uuidOf = (text) => `md5(${text})::uuid`;

export const TENANT_UUID = `${uuidOf(`'tenant:' || t`)}::text`;
export const INTERNAL_CONTEXT = `'ctx-t' || t || '-internal'`;
export const INCALL_CONTEXT = `'ctx-t' || t || '-incall'`;
export const OUTCALL_CONTEXT = `'ctx-t' || t || '-outcall'`;

/** One row per tenant. */
export const TENANTS = 'FROM bench_tenant';

/** One row per user: u its id (1-based, all tenants), p its position in its tenant (0-based). */
export const USERS = `FROM (SELECT bench_tenant.*, p, user_base + p + 1 AS u
    FROM bench_tenant CROSS JOIN LATERAL generate_series(0, size - 1) AS p) AS users`;

/** One row per object of a tenant, numbered `alias` from 1 to the tenant's `count` column. */
export const eachOf = (count, alias) => `FROM bench_tenant CROSS JOIN LATERAL generate_series(1, ${count}) AS ${alias}`;

/** The user at position `position` of the same tenant (taken modulo the tenant size). */
export const userAt = (position) => `(user_base + (${position}) % size + 1)`;
export const extenAt = (position) => `(10000 + (${position}) % size)::text`;

// What each user has, by user number (proportions in statements.mjs).
export const USER_EXTEN = extenAt('p');
export const IS_SCCP = 'u % 20 = 0';
export const IS_SIP = 'u % 20 <> 0';
export const IS_WEBRTC = 'u % 5 = 0 AND u % 20 <> 0';
export const HAS_VOICEMAIL = 'u % 10 < 7';
export const IS_AGENT = 'p % 10 = 0';
export const AGENT_ID = 'agents_base + p / 10 + 1';
export const LINE_NAME = `CASE WHEN ${IS_SCCP} THEN 'sccp' ELSE 'line' END || u`;
export const LINE_INTERFACE = `CASE WHEN ${IS_SCCP} THEN 'SCCP/' ELSE 'PJSIP/' END || ${LINE_NAME}`;

export const literal = (value) => (value === null ? 'NULL' : `'${String(value).replaceAll("'", "''")}'`);

/** An `INSERT INTO table (columns) SELECT expressions from [WHERE where]` statement. */
export const insert = (table, columns, from, where) => ({ table, columns, from, where });

/** A statement given as SQL. */
export const raw = (sql) => ({ sql });

/** The SQL text of a statement. */
export function statementSql(statement) {
  if (statement.sql) return statement.sql;
  const entries = Object.entries(statement.columns);
  return `INSERT INTO "${statement.table}" (${entries.map(([column]) => `"${column}"`).join(', ')})
  SELECT ${entries.map(([, expression]) => expression).join(',\n         ')}
  ${statement.from}${statement.where ? `\n  WHERE ${statement.where}` : ''}`;
}

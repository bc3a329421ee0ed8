/*
 * A synthetic Wazo PBX of N users in one of two shapes (layout.mjs), written for the real Wazo
 * schema and generated inside PostgreSQL (INSERT ... SELECT over generate_series): 20,000 users
 * load in seconds. The same shape and N always give the same rows.
 *
 * Per user u (proportions): a SIP line (95%; one in five of those on the webrtc template, the
 * others on global) or an SCCP line with its device (5%), user_line, an extension in the
 * tenant's internal context, line_extension, a voicemail (70%), a private function-key template
 * with keys (func-keys.mjs), forwards enabled (unconditional 4%, no-answer 12%, busy 8%), DND 3%,
 * membership of a queue (25%) and of a group (33%), an agent with two skills (10%), boss or
 * secretary (2%), pickup-group membership (10 per hundred users); 1% of lines are disabled.
 * Per tenant: routing.mjs and layout.mjs. Then physical-order.mjs edits a fraction of the rows.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { funcKeyStatements } from './func-keys.mjs';
import { readInstallDefaults } from './install-defaults.mjs';
import { datasetLayout, TENANT_COLUMNS } from './layout.mjs';
import { physicalOrderStatements } from './physical-order.mjs';
import { routingStatements } from './routing.mjs';
import { sipEndpointStatements, sipTemplateStatements } from './sip-endpoints.mjs';
import { statementSql } from './sql.mjs';
import { tenantStatements, userStatements } from './users.mjs';

/** The temporary table every statement reads its per-tenant counts from; gone at commit. */
function tenantTableSql(layout) {
  const rows = layout.tenants.map((tenant) => `(${TENANT_COLUMNS.map((column) => tenant[column]).join(', ')})`);
  return [
    `CREATE TEMPORARY TABLE bench_tenant (${TENANT_COLUMNS.map((column) => `${column} integer NOT NULL`).join(', ')}) ON COMMIT DROP`,
    `INSERT INTO bench_tenant (${TENANT_COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`,
  ];
}

/** The SQL that loads the dataset into a database holding only the schema, in order. */
export function datasetSql(layout, installDefaults) {
  return [
    installDefaults,
    ...tenantTableSql(layout),
    ...[
      ...tenantStatements(),
      ...sipTemplateStatements(),
      ...sipEndpointStatements(),
      ...userStatements(),
      ...routingStatements(),
      ...funcKeyStatements(),
      ...physicalOrderStatements(),
    ].map(statementSql),
  ];
}

/**
 * Everything needed to build one dataset, and its fingerprint: a hash of the schema and of every
 * statement, so any change to the generator, the schema or the install rows names a new database.
 * @param {{ shape: string, users: number, schemaSqlPath: string, fixtureSqlPath: string }} options
 */
export async function prepareDataset({ shape, users, schemaSqlPath, fixtureSqlPath }) {
  const layout = datasetLayout(shape, users);
  const schemaSql = await readFile(schemaSqlPath, 'utf8');
  const sql = datasetSql(layout, await readInstallDefaults(fixtureSqlPath));
  const hash = createHash('sha256').update(schemaSql);
  for (const statement of sql) hash.update('\0').update(statement);
  return { layout, schemaSql, sql, fingerprint: hash.digest('hex').slice(0, 10) };
}

/**
 * Loads the schema and the dataset with a pg client connected to an empty database, then
 * vacuums and analyses it so plans and visibility are those of a settled production database.
 * @param {import('pg').ClientBase} client
 * @param {{ schemaSql: string, sql: string[] }} prepared
 */
export async function loadDataset(client, prepared) {
  await client.query(prepared.schemaSql);
  await client.query('BEGIN');
  try {
    for (const statement of prepared.sql) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  await client.query('VACUUM ANALYZE');
}

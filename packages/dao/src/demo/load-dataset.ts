import type pg from 'pg';
import type { Dataset, DatasetRow } from './dataset.js';

export interface DatasetLoadReport {
  /** Rows inserted per table. */
  readonly inserted: Readonly<Record<string, number>>;
  /** Tables of the dataset the database does not have. */
  readonly skippedTables: readonly string[];
  /** `table.column` pairs of the dataset the database does not have. */
  readonly skippedColumns: readonly string[];
}

/**
 * Inserts a dataset with the caller's client (the caller owns the transaction). The same data
 * loads into the real Wazo schema and into the tables built from this package's entities, which
 * carry only what the drivers read: a table or column the database lacks is left out and listed
 * in the report, so the caller decides whether that is acceptable.
 */
export async function loadDataset(client: pg.ClientBase, dataset: Dataset): Promise<DatasetLoadReport> {
  const tableNames = [...new Set([...dataset.tables, ...dataset.links].map((entry) => entry.table))];
  const columns = await columnsOf(client, tableNames);
  const inserted: Record<string, number> = {};
  const skippedTables = new Set<string>();
  const skippedColumns = new Set<string>();

  const present = (table: string, row: DatasetRow): [string, DatasetRow[string]][] => {
    const known = columns.get(table) ?? new Set<string>();
    return Object.entries(row).filter(([column]) => {
      if (!known.has(column)) skippedColumns.add(`${table}.${column}`);
      return known.has(column);
    });
  };

  for (const { table, rows } of dataset.tables) {
    if (!columns.has(table)) {
      skippedTables.add(table);
      continue;
    }
    for (const row of rows) {
      const values = present(table, row);
      const names = values.map(([column]) => quoteIdentifier(column)).join(', ');
      const placeholders = values.map((_, index) => `$${index + 1}`).join(', ');
      await client.query(
        `INSERT INTO ${quoteIdentifier(table)} (${names}) VALUES (${placeholders})`,
        values.map(([, value]) => value),
      );
    }
    inserted[table] = (inserted[table] ?? 0) + rows.length;
  }

  for (const { table, key, set } of dataset.links) {
    if (!columns.has(table)) continue;
    const assignments = present(table, set);
    if (assignments.length === 0) continue;
    const conditions = Object.entries(key);
    const parameters = [...assignments, ...conditions].map(([, value]) => value);
    const setSql = assignments.map(([column], index) => `${quoteIdentifier(column)} = $${index + 1}`).join(', ');
    const whereSql = conditions
      .map(([column], index) => `${quoteIdentifier(column)} = $${assignments.length + index + 1}`)
      .join(' AND ');
    await client.query(`UPDATE ${quoteIdentifier(table)} SET ${setSql} WHERE ${whereSql}`, parameters);
  }

  await advanceSequences(client, [...columns.keys()]);
  return { inserted, skippedTables: [...skippedTables], skippedColumns: [...skippedColumns] };
}

async function columnsOf(client: pg.ClientBase, tables: readonly string[]): Promise<Map<string, Set<string>>> {
  const result = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ANY($1)`,
    [tables],
  );
  const columns = new Map<string, Set<string>>();
  for (const { table_name, column_name } of result.rows) {
    const known = columns.get(table_name) ?? new Set<string>();
    known.add(column_name);
    columns.set(table_name, known);
  }
  return columns;
}

/** Rows were inserted with explicit ids: move each serial sequence past them, so later inserts work. */
async function advanceSequences(client: pg.ClientBase, tables: readonly string[]): Promise<void> {
  const serials = await client.query<{ table_name: string; column_name: string; sequence: string }>(
    `SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) AS sequence
       FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ANY($1)
        AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL`,
    [tables],
  );
  for (const { table_name, column_name, sequence } of serials.rows) {
    await client.query(
      `SELECT setval($1, coalesce((SELECT max(${quoteIdentifier(column_name)}) FROM ${quoteIdentifier(table_name)}), 0) + 1, false)`,
      [sequence],
    );
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

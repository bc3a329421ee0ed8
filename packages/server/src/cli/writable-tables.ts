import pg from 'pg';

/**
 * The Wazo tables the configured role could change. The service never writes, so any is a
 * permission wider than it needs (a superuser can write them all).
 */
export async function writableTables(dbUri: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: dbUri, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
          AND has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE')
        ORDER BY c.relname`,
    );
    return rows.map((row) => row.relname);
  } finally {
    await client.end();
  }
}

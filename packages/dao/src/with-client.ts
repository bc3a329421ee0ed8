import pg from 'pg';

/** Runs work on a single connection to `url`, closed afterwards (set-up work outside any session scope). */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

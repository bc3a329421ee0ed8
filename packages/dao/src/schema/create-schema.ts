import pg from 'pg';
import { DataSource } from 'typeorm';
import { WAZO_ENTITIES } from '../entities/index.js';

/** Builds the tables of every entity on a database this project owns (demo and test databases only). */
export async function createSchemaFromEntities(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS "uuid-ossp"');
  } finally {
    await client.end();
  }
  const dataSource = new DataSource({ type: 'postgres', url, entities: [...WAZO_ENTITIES], synchronize: false });
  await dataSource.initialize();
  try {
    await dataSource.synchronize();
  } finally {
    await dataSource.destroy();
  }
}

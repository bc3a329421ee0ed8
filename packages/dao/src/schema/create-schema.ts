import { DataSource } from 'typeorm';
import { WAZO_ENTITIES } from '../entities/index.js';
import { withClient } from '../with-client.js';

/** Builds the tables of every entity on a database this project owns (demo and test databases only). */
export async function createSchemaFromEntities(url: string): Promise<void> {
  await withClient(url, (client) => client.query('CREATE EXTENSION IF NOT EXISTS "uuid-ossp"'));
  const dataSource = new DataSource({ type: 'postgres', url, entities: [...WAZO_ENTITIES], synchronize: false });
  await dataSource.initialize();
  try {
    await dataSource.synchronize();
  } finally {
    await dataSource.destroy();
  }
}

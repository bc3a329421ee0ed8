import { DataSource } from 'typeorm';
import { WAZO_ENTITIES } from './entities/index.js';

export interface DataSourceOptions {
  /** Connections kept open; upstream used 16. */
  readonly poolSize?: number;
  readonly connectTimeoutMs?: number;
}

/**
 * A TypeORM data source on a Wazo database (`postgresql://user:password@host:port/db?...`).
 * It never synchronizes or migrates: production databases belong to Wazo, not to this service.
 */
export function createDataSource(dbUri: string, options: DataSourceOptions = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url: dbUri,
    entities: [...WAZO_ENTITIES],
    synchronize: false,
    migrationsRun: false,
    logging: false,
    applicationName: applicationNameOf(dbUri) ?? 'wazo-confgend',
    extra: {
      max: options.poolSize ?? 16,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    },
  });
}

function applicationNameOf(dbUri: string): string | undefined {
  try {
    return new URL(dbUri).searchParams.get('application_name') ?? undefined;
  } catch {
    return undefined;
  }
}

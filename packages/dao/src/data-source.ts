import { DataSource } from 'typeorm';
import { WAZO_ENTITIES } from './entities/index.js';
import { ReadOnlyGuardClient, type ClientGate } from './session/read-only-client.js';

export interface DataSourceOptions {
  /** Connections kept open; upstream used 16. */
  readonly poolSize?: number;
  readonly connectTimeoutMs?: number;
  /**
   * Connections that refuse anything but read statements inside the service's session (default
   * true). Only the host's own health checks, which run no driver code, turn it off.
   */
  readonly readOnlyGuard?: boolean;
}

/** Every connection starts read-only, so even a statement outside a transaction cannot write. */
const READ_ONLY_STARTUP = '-c default_transaction_read_only=on';

/**
 * A TypeORM data source on a Wazo database (`postgresql://user:password@host:port/db?...`).
 * It never synchronizes or migrates: production databases belong to Wazo, not to this service.
 */
export function createDataSource(dbUri: string, options: DataSourceOptions = {}): DataSource {
  const guarded = options.readOnlyGuard ?? true;
  const gate: ClientGate = { open: true };
  const dataSource = new DataSource({
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
      options: READ_ONLY_STARTUP,
      ...(guarded ? { Client: ReadOnlyGuardClient, readOnlyGate: gate } : {}),
    },
  });
  if (guarded) {
    const initialize = dataSource.initialize.bind(dataSource);
    dataSource.initialize = async () => {
      await initialize();
      gate.open = false;
      return dataSource;
    };
  }
  return dataSource;
}

function applicationNameOf(dbUri: string): string | undefined {
  try {
    return new URL(dbUri).searchParams.get('application_name') ?? undefined;
  } catch {
    return undefined;
  }
}

import { staticSettingsEntity } from './static-settings.js';

/** The static queues.conf settings (`staticqueue`), one line a row. */
export const StaticQueue = staticSettingsEntity('StaticQueue', 'staticqueue', { type: 'varchar', length: 128 });

import { staticSettingsEntity } from './static-settings.js';

/** The static features.conf settings (`features`), one line a row. */
export const Features = staticSettingsEntity('Features', 'features', { type: 'varchar', length: 255 });

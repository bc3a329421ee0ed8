import { staticSettingsEntity } from './static-settings.js';

/** The static voicemail.conf settings (`staticvoicemail`), one line a row. */
export const StaticVoicemail = staticSettingsEntity('StaticVoicemail', 'staticvoicemail', { type: 'text' });

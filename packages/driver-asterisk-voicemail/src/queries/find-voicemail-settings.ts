import { query } from '@wazo-confgend/dao';

export interface VoicemailSetting {
  readonly category: 'general' | 'zonemessages';
  readonly name: string;
  readonly value: string | null;
}

// Upstream reads the enabled rows with no ORDER BY, so a sequential scan's heap order decides (an
// edited row moves to the end): ctid states that order, where the id would not after an edit.
// Rows of any other category are never written, so they are not read.
const FIND_VOICEMAIL_SETTINGS = `
  SELECT category, var_name AS name, var_val AS value
  FROM staticvoicemail
  WHERE commented = 0 AND category IN ('general', 'zonemessages')
  ORDER BY ctid`;

/** The enabled `[general]` and `[zonemessages]` options of voicemail.conf, in physical order. */
export async function findVoicemailSettings(): Promise<VoicemailSetting[]> {
  return query<VoicemailSetting>(FIND_VOICEMAIL_SETTINGS);
}

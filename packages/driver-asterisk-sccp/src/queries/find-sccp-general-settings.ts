import { query } from '@wazo-confgend/dao';

export interface SccpGeneralSetting {
  readonly option_name: string;
  readonly option_value: string;
}

// No ORDER BY upstream: physical order, stated with ctid.
const FIND_SCCP_GENERAL_SETTINGS = `
  SELECT option_name, option_value
    FROM sccpgeneralsettings
   ORDER BY ctid`;

// Upstream takes the first row, enabled or not.
const FIND_VOICEMAIL_CONSULT_EXTEN = `
  SELECT exten
    FROM feature_extension
   WHERE feature = 'vmusermsg'
   ORDER BY ctid
   LIMIT 1`;

/**
 * Every `sccpgeneralsettings` row, then `vmexten` = the voicemail consultation extension, as
 * upstream appends it. Null when that feature extension is missing, where upstream fails.
 */
export async function findSccpGeneralSettings(): Promise<SccpGeneralSetting[] | null> {
  const settings = await query<SccpGeneralSetting>(FIND_SCCP_GENERAL_SETTINGS);
  const [voicemailConsult] = await query<{ exten: string }>(FIND_VOICEMAIL_CONSULT_EXTEN);
  if (voicemailConsult === undefined) return null;
  return [...settings, { option_name: 'vmexten', option_value: voicemailConsult.exten }];
}

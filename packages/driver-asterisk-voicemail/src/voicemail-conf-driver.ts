import { findMailboxLines } from './queries/find-mailbox-lines.js';
import { findVoicemailSettings } from './queries/find-voicemail-settings.js';
import { renderVoicemailConf } from './render/render-voicemail-conf.js';

/**
 * asterisk/voicemail.conf: the static `[general]` and `[zonemessages]` options, then every enabled
 * mailbox of every tenant, grouped by context. Two queries, whatever the number of mailboxes (and a
 * third, to name the culprit, when a field would break a line and the generation fails).
 */
export class VoicemailConfDriver {
  async generate(): Promise<string> {
    const settings = await findVoicemailSettings();
    const mailboxes = await findMailboxLines();
    return renderVoicemailConf({ settings, mailboxes });
  }
}

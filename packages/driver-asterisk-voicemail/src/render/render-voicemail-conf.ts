import { ConfOutput, ConfWriter } from '@wazo-confgend/asterisk-conf';
import type { MailboxLine } from '../queries/find-mailbox-lines.js';
import type { VoicemailSetting } from '../queries/find-voicemail-settings.js';

export interface VoicemailConf {
  readonly settings: readonly VoicemailSetting[];
  readonly mailboxes: readonly MailboxLine[];
}

/**
 * The email body is one option line, so its line breaks are written as Asterisk's `\n` escape, as
 * upstream does. A carriage return (a body sent from a browser form has CRLF line ends) is written as
 * `\r`, where upstream wrote it raw: the writer refuses raw line breaks, and Asterisk unescapes
 * both alike. A NULL body prints `None` like any NULL value (upstream fails the file).
 */
function settingValue(setting: VoicemailSetting): string | null {
  if (setting.name !== 'emailbody' || setting.value === null) return setting.value;
  return setting.value.replaceAll('\r', '\\r').replaceAll('\n', '\\n');
}

function writeSettings(writer: ConfWriter, settings: readonly VoicemailSetting[], category: VoicemailSetting['category']): void {
  writer.section(category);
  for (const setting of settings) {
    if (setting.category === category) writer.option(setting.name, category === 'general' ? settingValue(setting) : setting.value);
  }
}

/**
 * One `[context]` block per run of consecutive mailboxes of the same context, each block followed
 * by an empty line: a context whose mailboxes are interleaved with another's gets two blocks, as
 * upstream writes it (Asterisk merges them).
 */
function writeMailboxes(output: ConfOutput, mailboxes: readonly MailboxLine[]): void {
  let context: string | undefined;
  for (const mailbox of mailboxes) {
    if (mailbox.context === context) {
      output.write('\n');
    } else {
      output.write(`${context === undefined ? '' : '\n\n'}[${mailbox.context}]\n`);
      context = mailbox.context;
    }
    output.write(mailbox.line);
  }
  if (context !== undefined) output.write('\n\n');
}

/**
 * voicemail.conf: `[general]`, an extra empty line and `[zonemessages]` (one writer), then an empty
 * line, the mailbox blocks and a final newline.
 */
export function renderVoicemailConf({ settings, mailboxes }: VoicemailConf): string {
  const output = new ConfOutput();
  const writer = new ConfWriter(output);
  writeSettings(writer, settings, 'general');
  writer.newline();
  writeSettings(writer, settings, 'zonemessages');
  output.write('\n');
  writeMailboxes(output, mailboxes);
  output.write('\n');
  return output.toString();
}

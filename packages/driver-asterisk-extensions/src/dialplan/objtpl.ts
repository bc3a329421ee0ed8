import type { ConfWriter } from '@wazo-confgend/asterisk-conf';

/** What an objtpl line's placeholders stand for. */
export interface ObjtplValues {
  readonly context: string;
  readonly exten: string;
  readonly action: string;
  /** Empty for `[xivo-features]`, which belongs to no tenant. */
  readonly tenantUuid: string;
}

/** What an extension runs, by its type: users get the extension id as a third argument. */
export function extensionAction(extension: { id: number; type: string; typeval: string }): string {
  if (extension.type === 'user') return `GoSub(user,s,1(${extension.typeval},,${extension.id}))`;
  if (extension.type === 'incall' || extension.type === 'did') return `GoSub(did,s,1(${extension.typeval},))`;
  return `GoSub(${extension.type},s,1(${extension.typeval},))`;
}

/**
 * Writes one extension from the template's objtpl lines: placeholders replaced literally in
 * upstream's order, a line that starts with `%%EXTEN%%` written `exten = ...`, the others
 * `same  =     ...`, then an empty line.
 */
export function writeObjtpl(writer: ConfWriter, lines: readonly string[], values: ObjtplValues): void {
  for (const line of lines) {
    const text = line
      .replaceAll('%%CONTEXT%%', () => values.context)
      .replaceAll('%%EXTEN%%', () => values.exten)
      .replaceAll('%%PRIORITY%%', '1')
      .replaceAll('%%ACTION%%', () => values.action)
      .replaceAll('%%TENANT_UUID%%', () => values.tenantUuid);
    if (line.startsWith('%%EXTEN%%')) writer.option('exten', text);
    else writer.option('same ', `    ${text}`);
  }
  writer.newline();
}

import { ConfOutput, ConfWriter } from './conf-writer.js';

/** One `asterisk_file` row with its sections and variables, already in priority order. */
export interface AsteriskFile {
  readonly sections: readonly AsteriskFileSection[];
}

export interface AsteriskFileSection {
  readonly name: string;
  readonly variables: readonly { readonly key: string; readonly value: string | null }[];
}

/**
 * Renders an `asterisk_file` (the sections an administrator edits through the API) the way
 * upstream does: each section with its variables, then every required section the database
 * lacks as an empty section followed by a separator, and a final separator when the file row
 * exists. A separator is an empty line once a section has been written, so a missing file with
 * no required sections renders as the empty string.
 */
export function renderAsteriskFile(
  file: AsteriskFile | null,
  requiredSections: readonly string[] = [],
  output: ConfOutput = new ConfOutput(),
): string {
  const writer = new ConfWriter(output);
  const present = new Set<string>();
  for (const section of file?.sections ?? []) {
    writer.section(section.name);
    present.add(section.name);
    for (const variable of section.variables) writer.option(variable.key, variable.value ?? '');
  }
  for (const name of requiredSections) {
    if (present.has(name)) continue;
    writer.section(name);
    writer.sectionSeparator();
  }
  if (file) writer.sectionSeparator();
  return output.toString();
}

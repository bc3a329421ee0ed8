import { query } from '../session/session-scope.js';

export interface AsteriskFileVariableData {
  readonly key: string;
  readonly value: string | null;
}

export interface AsteriskFileSectionData {
  readonly name: string;
  readonly variables: readonly AsteriskFileVariableData[];
}

/** An `asterisk_file` with its sections and variables, both in the order upstream writes them. */
export interface AsteriskFileData {
  readonly sections: readonly AsteriskFileSectionData[];
}

interface FlatRow {
  readonly section_id: number | null;
  readonly section_name: string | null;
  readonly key: string | null;
  readonly value: string | null;
}

// One query: the outer joins keep a file without sections (one row of NULLs) apart from a missing
// file (no row). Sections by priority with NULLs last, variables by priority (PostgreSQL puts NULLs
// last in ascending order). Upstream sorts by priority alone after a sequential scan, and its small
// sorts keep that scan's heap order for equal keys: ctid states it (an edited row moves to the end).
const FIND_ASTERISK_FILE = `
  SELECT s.id AS section_id, s.name AS section_name, v.key, v.value
  FROM asterisk_file f
  LEFT JOIN asterisk_file_section s ON s.asterisk_file_id = f.id
  LEFT JOIN asterisk_file_variable v ON v.asterisk_file_section_id = s.id
  WHERE f.name = $1
  ORDER BY s.priority ASC NULLS LAST, s.ctid, v.priority ASC NULLS LAST, v.ctid`;

/** The `asterisk_file` named `name` (e.g. `rtp.conf`), or null when the database has none. */
export async function findAsteriskFile(name: string): Promise<AsteriskFileData | null> {
  const rows = await query<FlatRow>(FIND_ASTERISK_FILE, [name]);
  if (rows.length === 0) return null;
  const sections: { name: string; variables: AsteriskFileVariableData[] }[] = [];
  let currentId: number | null = null;
  for (const row of rows) {
    if (row.section_id === null || row.section_name === null) continue;
    if (row.section_id !== currentId) {
      sections.push({ name: row.section_name, variables: [] });
      currentId = row.section_id;
    }
    if (row.key !== null) sections[sections.length - 1]?.variables.push({ key: row.key, value: row.value });
  }
  return { sections };
}

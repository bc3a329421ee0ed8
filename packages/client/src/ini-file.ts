import { ClientError } from './client-error.js';

/** Section name → (lower-cased key → value), the subset of Python's configparser the client needs. */
export type IniSections = Map<string, Map<string, string>>;

/**
 * Parses INI text the way Python's configparser reads the client's file: `[section]` headers,
 * `key = value` or `key: value`, keys case-insensitive, whole-line `#`/`;` comments, blank lines
 * ignored, indented lines continue the previous value.
 */
export function parseIni(text: string, source: string): IniSections {
  const sections: IniSections = new Map();
  let current: Map<string, string> | undefined;
  let lastKey: string | undefined;
  const lines = text.split(/\r?\n/);
  lines.forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) {
      return;
    }
    if (/^\s/.test(rawLine) && current && lastKey !== undefined) {
      current.set(lastKey, `${current.get(lastKey) ?? ''}\n${line}`);
      return;
    }
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header?.[1] !== undefined) {
      const name = header[1];
      current = sections.get(name) ?? new Map<string, string>();
      sections.set(name, current);
      lastKey = undefined;
      return;
    }
    const assignment = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(line);
    if (!current || !assignment?.[1]) {
      throw new ClientError(`${source}:${index + 1}: cannot parse line: ${line}`);
    }
    lastKey = assignment[1].toLowerCase();
    current.set(lastKey, assignment[2] ?? '');
  });
  return sections;
}

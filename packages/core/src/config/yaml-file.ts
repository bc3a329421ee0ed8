import { execFileSync } from 'node:child_process';
import { LineCounter, parse, parseDocument, isMap } from 'yaml';
import type { Document, ScalarTag, Tags } from 'yaml';
import { describeError, confgendError } from '../errors.js';

/** A parsed configuration file, kept with its document so problems can point at a line. */
export interface YamlFile {
  path: string;
  value: Record<string, unknown>;
  document: Document;
  lineCounter: LineCounter;
}

const BOOL_TAG = 'tag:yaml.org,2002:bool';
// PyYAML's safe loader reads these (and only these) as booleans: keep existing files meaning the same
const PYYAML_TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const PYYAML_FALSE = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/;

function pyyamlBooleans(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag !== 'object' || tag.tag !== BOOL_TAG || !('test' in tag) || !tag.test) return tag;
    return { ...tag, test: tag.test.test('yes') ? PYYAML_TRUE : PYYAML_FALSE } as ScalarTag;
  });
}

/**
 * Upstream's `!exec` tag: `!exec {command: "prog arg"}` runs `prog` (split on single spaces, no
 * shell) and uses its standard output, read as YAML, as the value.
 */
const execTag = {
  tag: '!exec',
  collection: 'map' as const,
  resolve(map: unknown, onError: (message: string) => void): unknown {
    const command = isMap(map) ? map.get('command') : undefined;
    if (typeof command !== 'string' || command.trim() === '') {
      onError('!exec needs a mapping with a non-empty "command" string');
      return null;
    }
    const [program = '', ...args] = command.split(' ');
    try {
      const stdout = execFileSync(program, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      return parse(stdout, { version: '1.1', uniqueKeys: false, customTags: pyyamlBooleans }) ?? null;
    } catch (error) {
      onError(`!exec command "${command}" failed: ${describeError(error).split('\n')[0]}`);
      return null;
    }
  },
};

/** YAML 1.1 like upstream's PyYAML: `yes`/`on` are booleans, duplicate keys keep the last value. */
export function parseYamlFile(path: string, text: string): YamlFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    version: '1.1',
    uniqueKeys: false,
    prettyErrors: false,
    customTags: (tags) => [...pyyamlBooleans(tags), execTag],
  });
  const [firstError] = document.errors;
  if (firstError) {
    const position = lineCounter.linePos(firstError.pos[0]);
    const where = `${path}:${position.line}:${position.col}`;
    throw confgendError('WCG_ERR_CONFIG_YAML', 'invalidYaml', { where, reason: firstError.message }, {
      cause: firstError,
      details: { file: path, line: position.line, column: position.col, yamlCode: firstError.code },
    });
  }
  const value: unknown = document.toJS({ maxAliasCount: 1000 });
  if (value === null || value === undefined) return { path, value: {}, document, lineCounter };
  if (typeof value !== 'object' || Array.isArray(value)) {
    const got = Array.isArray(value) ? 'a list' : typeof value;
    throw confgendError('WCG_ERR_CONFIG_INVALID', 'notAMapping', { file: path, got }, { details: { file: path, keyPath: '' } });
  }
  return { path, value: value as Record<string, unknown>, document, lineCounter };
}

/** `file:line` of the value at `keyPath` in a parsed file, or just the file when unknown. */
export function locate(file: YamlFile, keyPath: readonly string[]): string {
  const node = file.document.getIn(keyPath, true) as { range?: [number, number, number] } | undefined;
  const offset = node?.range?.[0];
  if (offset === undefined) return file.path;
  const { line, col } = file.lineCounter.linePos(offset);
  return `${file.path}:${line}:${col}`;
}

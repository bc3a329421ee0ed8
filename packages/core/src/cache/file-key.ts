import { confgendError } from '../errors.js';

/** A generated file: `asterisk/pjsip.conf` is `{resource: 'asterisk', filename: 'pjsip.conf'}`. */
export interface FileKey {
  resource: string;
  filename: string;
}

// NAME_MAX on Linux file systems
const MAX_SEGMENT_BYTES = 255;
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[/\\\u0000-\u001f\u007f]/;

function checkSegment(label: 'resource' | 'filename', value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return `${label} must be a non-empty string`;
  if (value === '.' || value === '..') return `${label} must not be "." or ".."`;
  if (FORBIDDEN.test(value)) return `${label} must be a single path segment without "/", "\\" or control characters`;
  if (Buffer.byteLength(value) > MAX_SEGMENT_BYTES) return `${label} must be at most ${MAX_SEGMENT_BYTES} bytes`;
  return null;
}

/**
 * Validates a requested file name. Each part must be one path segment, so a key can never
 * address anything outside its cache directory.
 */
export function parseFileKey(resource: string, filename: string): FileKey {
  const problem = checkSegment('resource', resource) ?? checkSegment('filename', filename);
  if (problem !== null) {
    throw confgendError('WCG_ERR_INVALID_FILE_KEY', 'badFile', { file: `${resource}/${filename}`, problem }, { details: { resource, filename } });
  }
  return { resource, filename };
}

export function formatFileKey(key: FileKey): string {
  return `${key.resource}/${key.filename}`;
}

/** The `plugins:` key serving a file: `asterisk/pjsip.conf` → `asterisk.pjsip.conf`. */
export function namespaceOf(key: FileKey): string {
  return `${key.resource}.${key.filename}`;
}

/**
 * The file a namespace serves, or `null` when the namespace cannot name one. The resource is
 * the part before the first dot, so a resource itself never contains a dot.
 */
export function fileKeyOfNamespace(namespace: string): FileKey | null {
  const dot = namespace.indexOf('.');
  if (dot <= 0) return null;
  const resource = namespace.slice(0, dot);
  const filename = namespace.slice(dot + 1);
  return checkSegment('resource', resource) === null && checkSegment('filename', filename) === null ? { resource, filename } : null;
}

import { formatMessage } from '@wazo-confgend/core';

/** One request of the legacy line protocol: `<resource>/<filename>[ invalidate][ cached]`. */
export interface LegacyRequest {
  resource: string;
  filename: string;
  cached: boolean;
  invalidate: boolean;
  /** The request as received, newlines removed (for logs). */
  line: string;
}

export type ParsedRequest = { ok: true; request: LegacyRequest } | { ok: false; reason: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a request exactly as upstream does, with one deliberate difference: a trailing `\r` is
 * dropped, so `asterisk/x.conf\r\n` names `x.conf` (upstream looked up `x.conf\r` and answered
 * nothing). Every `\n` is deleted, not treated as a separator; `cmd` is the text before the
 * first space and must be `resource/filename`; `invalidate` and `cached` are recognised among
 * the space-separated arguments, anything else is ignored.
 */
export function parseRequest(bytes: Uint8Array): ParsedRequest {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { ok: false, reason: formatMessage('WCG_ERR_TCP_BAD_REQUEST', 'invalidUtf8', { bytes: bytes.length }) };
  }
  const line = text.replace(/\n/g, '').replace(/\r+$/, '');
  const space = line.indexOf(' ');
  const cmd = space === -1 ? line : line.slice(0, space);
  const args = space === -1 ? [] : line.slice(space + 1).split(' ').filter((arg) => arg !== '');
  const parts = cmd.split('/');
  if (parts.length !== 2) {
    return { ok: false, reason: formatMessage('WCG_ERR_TCP_BAD_REQUEST', 'cannotSplit', { cmd }) };
  }
  const [resource = '', filename = ''] = parts;
  return {
    ok: true,
    request: { resource, filename, cached: args.includes('cached'), invalidate: args.includes('invalidate'), line },
  };
}

import { Buffer } from 'node:buffer';
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';

/**
 * One request over the legacy line protocol, as `wazo-confgen` sends it: the line in one write
 * with no newline, then everything the daemon sends until it closes. Resolves with the answer's
 * size and the time from connecting to the close; rejects on an error or after `timeoutMs`.
 * @param {{ host: string, port: number, line: string, timeoutMs: number, keepBody?: boolean }} request
 * @returns {Promise<{ bytes: number, ms: number, body?: Buffer }>}
 */
export function legacyRequest({ host, port, line, timeoutMs, keepBody = false }) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const chunks = [];
    let bytes = 0;
    const socket = connect({ host, port });
    const timer = setTimeout(() => socket.destroy(new Error('timeout')), timeoutMs);
    socket.once('connect', () => socket.write(line));
    socket.on('data', (chunk) => {
      bytes += chunk.length;
      if (keepBody) chunks.push(chunk);
    });
    socket.once('end', () => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      resolve(keepBody ? { bytes, ms, body: Buffer.concat(chunks) } : { bytes, ms });
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** The request line for a file: `<resource>/<file>[ invalidate][ cached]`. */
export function requestLine(file, { cached = false, invalidate = false } = {}) {
  return [file, ...(invalidate ? ['invalidate'] : []), ...(cached ? ['cached'] : [])].join(' ');
}

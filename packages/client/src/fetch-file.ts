import { connect } from 'node:net';
import type { Writable } from 'node:stream';
import { ClientError } from './client-error.js';
import type { ConnectionSettings } from './client-config.js';

/**
 * Sends one request line (a single write, no newline, no half-close: the upstream server answers
 * the first chunk it reads) and writes the raw answer to `output` once the server has closed.
 * The answer is held until then, so a timeout or a broken connection never leaves part of a file
 * on `output` for Asterisk to load: it gets the whole file or nothing, with a non-zero exit.
 *
 * `timeoutSeconds` bounds the connection, then, separately, the whole wait for the answer, so a
 * stuck server cannot hang the caller (Asterisk's `#exec`) forever. Resolves with the number of
 * bytes written; rejects with a one-line `ClientError`.
 */
export function fetchFile(settings: ConnectionSettings, request: string, output: Writable): Promise<number> {
  const { host, port, timeoutSeconds } = settings;
  const address = `${host}:${port}`;
  const timeoutMs = timeoutSeconds * 1000;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const socket = connect({ host, port });
    let timer = setTimeout(() => fail(new ClientError(`cannot connect to ${address}: timed out after ${timeoutSeconds} s`)), timeoutMs);

    function fail(error: ClientError): void {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        reject(error);
      }
    }

    socket.once('connect', () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => fail(new ClientError(`no complete answer from ${address} within ${timeoutSeconds} s`)),
        timeoutMs,
      );
      socket.write(request, 'utf8');
    });
    socket.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      chunks.push(chunk);
    });
    socket.once('end', () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (bytes === 0) {
        resolve(0);
        return;
      }
      output.write(Buffer.concat(chunks, bytes), (error) => (error ? reject(new ClientError(`cannot write the answer: ${error.message}`)) : resolve(bytes)));
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'ECONNREFUSED' ? 'connection refused' : error.message;
      fail(new ClientError(bytes === 0 ? `cannot connect to ${address}: ${reason}` : `connection to ${address} failed: ${reason}`));
    });
  });
}

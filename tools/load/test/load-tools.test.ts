import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_LOAD_OPTIONS, runHttpLoad } from '../http-load.mjs';
import { parseOptions } from '../lib/cli.mjs';
import { loadUsage } from '../lib/load-options.mjs';
import { assertLoopback } from '../lib/loopback.mjs';
import { summarize } from '../lib/stats.mjs';
import { runTcpLoad, TCP_LOAD_OPTIONS } from '../tcp-load.mjs';

const RTP = '[general]\nrtpstart = 10000\n';

function listening<T extends Server | HttpServer>(server: T): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

describe('assertLoopback', () => {
  it.each(['127.0.0.1', '127.8.9.10', '::1', '[::1]', '0:0:0:0:0:0:0:1'])('accepts %s', (host) => {
    expect(() => assertLoopback(host)).not.toThrow();
  });

  it.each(['10.0.0.1', '0.0.0.0', '::', '::ffff:10.0.0.1', 'localhost', 'pbx.example', ''])('refuses %j', (host) => {
    expect(() => assertLoopback(host)).toThrow('only loopback addresses');
  });
});

describe('load script options', () => {
  it('are the same for tcp-load and http-load but for the default port', () => {
    const tcp = parseOptions([], TCP_LOAD_OPTIONS, '');
    expect(tcp).toEqual({
      host: '127.0.0.1',
      port: 8669,
      file: 'asterisk/rtp.conf',
      cached: false,
      connections: 20,
      requests: 5000,
      duration: 30,
      timeout: 10,
    });
    expect(parseOptions([], HTTP_LOAD_OPTIONS, '')).toEqual({ ...tcp, port: 8670 });
    expect(parseOptions(['--port', '1234', '--cached', '--duration', '0.5'], HTTP_LOAD_OPTIONS, '')).toMatchObject({
      port: 1234,
      cached: true,
      duration: 0.5,
    });
  });

  it('give the usage line of each script, every option with its default', () => {
    expect(loadUsage('tcp-load.mjs', TCP_LOAD_OPTIONS)).toBe(
      'usage: tcp-load.mjs [--host 127.0.0.1] [--port 8669] [--file asterisk/rtp.conf] [--cached] [--connections 20] [--requests 5000] [--duration 30] [--timeout 10]',
    );
    expect(loadUsage('http-load.mjs', HTTP_LOAD_OPTIONS)).toBe(
      'usage: http-load.mjs [--host 127.0.0.1] [--port 8670] [--file asterisk/rtp.conf] [--cached] [--connections 20] [--requests 5000] [--duration 30] [--timeout 10]',
    );
  });
});

describe('summarize', () => {
  it('takes nearest-rank percentiles over every sample', () => {
    const samples = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(summarize(samples)).toEqual({ count: 100, min: 1, p50: 50, p90: 90, p99: 99, max: 100 });
    expect(summarize([0.25, 0.5])).toMatchObject({ p50: 0.25, p99: 0.5 });
  });

  it('gives NaN for no samples', () => {
    expect(summarize([])).toMatchObject({ count: 0, p50: NaN, max: NaN });
  });
});

describe('runTcpLoad', () => {
  const requests: string[] = [];
  let server: Server;
  let port: number;
  const base = { host: '127.0.0.1', cached: false, timeout: 5 };

  beforeAll(async () => {
    server = createServer((socket) =>
      socket.once('data', (chunk) => {
        const line = chunk.toString('utf8');
        requests.push(line);
        if (line.startsWith('asterisk/slow.conf')) setTimeout(() => socket.end(RTP), 50);
        else socket.end(line.startsWith('asterisk/rtp.conf') ? RTP : '');
      }),
    );
    port = await listening(server);
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('sends the request count it is given, over parallel connections, and adds up the answers', async () => {
    requests.length = 0;
    const result = await runTcpLoad({ ...base, port, file: 'asterisk/rtp.conf', cached: true, connections: 5, requests: 40, duration: 30 });
    expect(result).toMatchObject({ requests: 40, connections: 5, errors: 0, bytes: 40 * RTP.length });
    expect(result.latency.count).toBe(40);
    expect(new Set(requests)).toEqual(new Set(['asterisk/rtp.conf cached']));
  });

  it('stops at the time bound, and counts empty answers and refused connections as errors', async () => {
    const timed = await runTcpLoad({ ...base, port, file: 'asterisk/slow.conf', connections: 2, requests: 1_000_000, duration: 0.3 });
    expect(timed.seconds).toBeLessThan(1);
    expect(timed.requests).toBeLessThan(30);

    const empty = await runTcpLoad({ ...base, port, file: 'asterisk/none.conf', connections: 1, requests: 3, duration: 30 });
    expect(empty).toMatchObject({ errors: 3, bytes: 0, errorKinds: new Map([['empty answer', 3]]) });

    const unused = createServer();
    const closed = await listening(unused);
    await new Promise((resolve) => unused.close(resolve));
    const refused = await runTcpLoad({ ...base, port: closed, file: 'asterisk/rtp.conf', connections: 1, requests: 2, duration: 30 });
    expect(refused.errorKinds).toEqual(new Map([['ECONNREFUSED', 2]]));
  });

  it('refuses a host that is not loopback', () => {
    expect(() => runTcpLoad({ ...base, host: '192.0.2.1', port, file: 'asterisk/rtp.conf', connections: 1, requests: 1, duration: 1 })).toThrow(
      'refusing to load 192.0.2.1',
    );
  });
});

describe('runHttpLoad', () => {
  const urls: string[] = [];
  let server: HttpServer;
  let port: number;
  const base = { host: '127.0.0.1', cached: false, timeout: 5, connections: 2, duration: 30 };

  beforeAll(async () => {
    server = createHttpServer((request, response) => {
      urls.push(request.url ?? '');
      if (request.url?.startsWith('/1.0/files/asterisk/rtp.conf')) response.end(RTP);
      else response.writeHead(404).end('{}');
    });
    port = await listening(server);
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('GETs the file (with ?cached=true when asked) the number of times it is given', async () => {
    urls.length = 0;
    const result = await runHttpLoad({ ...base, port, file: 'asterisk/rtp.conf', cached: true, requests: 30 });
    expect(result).toMatchObject({ requests: 30, errors: 0 });
    expect(result.latency.count).toBe(30);
    expect(new Set(urls)).toEqual(new Set(['/1.0/files/asterisk/rtp.conf?cached=true']));
  });

  it('counts answers other than 2xx as errors', async () => {
    const result = await runHttpLoad({ ...base, port, file: 'asterisk/none.conf', requests: 4 });
    expect(result).toMatchObject({ errors: 4, bytes: 0, errorKinds: new Map([['non-2xx', 4]]) });
  });

  it('refuses a host that is not loopback', () => {
    expect(() => runHttpLoad({ ...base, host: '203.0.113.7', port, file: 'asterisk/rtp.conf', requests: 1 })).toThrow('refusing to load');
  });
});

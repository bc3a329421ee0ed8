import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const execFileAsync = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../dist/bin/wazo-confgen.js', import.meta.url));
/** The file npm links as the `wazo-confgen` command (and Asterisk runs), started by its shebang. */
const installedBin = fileURLToPath(new URL('../bin/wazo-confgen.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'wazo-confgen-test-'));
const missingConfig = join(dir, 'none.conf');

interface Run {
  code: number | null;
  stdout: Buffer;
  stderr: string;
  elapsedMs: number;
}

function runClient(args: string[], command: { file: string; args: string[]; env?: NodeJS.ProcessEnv } = { file: process.execPath, args: [bin] }): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    const options = { encoding: 'buffer' as const, maxBuffer: 64 * 1024 * 1024, env: command.env ?? process.env };
    execFile(command.file, [...command.args, ...args], options, (error, stdout, stderr) => {
      resolve({
        code: error ? ((error as { code?: number }).code ?? null) : 0,
        stdout,
        stderr: stderr.toString('utf8'),
        elapsedMs: Date.now() - started,
      });
    });
  });
}

/** Answers like the upstream daemon: acts on the first chunk only, writes the body, closes. */
function upstreamLikeServer(files: Record<string, Buffer>): Promise<{ server: Server; port: number; chunks: string[][] }> {
  const chunks: string[][] = [];
  const server = createServer((socket: Socket) => {
    const seen: string[] = [];
    chunks.push(seen);
    socket.once('data', (chunk: Buffer) => {
      seen.push(chunk.toString('utf8'));
      const [cmd] = chunk.toString('utf8').split(' ');
      const body = files[cmd ?? ''];
      if (body) {
        socket.end(body);
      } else {
        socket.end();
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port, chunks })));
}

function closedPort(): Promise<number> {
  const server = createServer();
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    }),
  );
}

describe('wazo-confgen (child process)', () => {
  const big = Buffer.alloc(3 * 1024 * 1024, 'x;=\n');
  const binary = Buffer.from([0x5b, 0x61, 0x5d, 0x0a, 0xff, 0xfe, 0x00, 0xc3, 0xa9]);
  let fake: Awaited<ReturnType<typeof upstreamLikeServer>>;
  let silent: Server;
  let silentPort: number;
  const silentSockets = new Set<Socket>();

  beforeAll(async () => {
    expect(existsSync(bin), `${bin} is missing: build the client first (nx build client)`).toBe(true);
    fake = await upstreamLikeServer({ 'asterisk/pjsip.conf': big, 'asterisk/raw.conf': binary });
    silent = createServer((socket) => silentSockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentPort = (silent.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => fake.server.close(resolve));
    silentSockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => silent.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies the answer byte for byte and sends the request in one chunk with no newline', async () => {
    const run = await runClient(['-c', missingConfig, '-p', String(fake.port), 'asterisk/pjsip.conf']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.equals(big)).toBe(true);
    expect(fake.chunks.at(-1)).toEqual(['asterisk/pjsip.conf']);

    const raw = await runClient(['-c', missingConfig, '-p', String(fake.port), 'asterisk/raw.conf']);
    expect(raw.stdout.equals(binary)).toBe(true);
  });

  it('sends invalidate and cached in upstream order', async () => {
    const run = await runClient(['-c', missingConfig, '-p', String(fake.port), '--cached', '--invalidate', 'asterisk/x.conf']);
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBe(0);
    expect(fake.chunks.at(-1)).toEqual(['asterisk/x.conf invalidate cached']);
  });

  it('takes host and port from the config file, and the command line over it', async () => {
    const unused = await closedPort();
    const config = join(dir, 'client.conf');
    writeFileSync(config, `[confgen]\nserver = 127.0.0.1\nport = ${fake.port}\ntimeout = 3\n`);
    const fromFile = await runClient(['-c', config, 'asterisk/raw.conf']);
    expect(fromFile.stdout.equals(binary)).toBe(true);

    const overridden = await runClient(['-c', config, '-p', String(unused), 'asterisk/raw.conf']);
    expect(overridden.code).toBe(1);
    expect(overridden.stderr).toBe(`wazo-confgen: cannot connect to 127.0.0.1:${unused}: connection refused\n`);
  });

  it('exits 0 with no output when the server closes without answering (unknown file)', async () => {
    const run = await runClient(['-c', missingConfig, '-p', String(fake.port), 'asterisk/unknown.conf']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.length).toBe(0);
  });

  it('exits 1 with one line on stderr when the connection is refused', async () => {
    const port = await closedPort();
    const run = await runClient(['-c', missingConfig, '-p', String(port), 'asterisk/pjsip.conf']);
    expect(run.code).toBe(1);
    expect(run.stdout.length).toBe(0);
    expect(run.stderr).toBe(`wazo-confgen: cannot connect to 127.0.0.1:${port}: connection refused\n`);
  });

  it('gives up on a server that never answers once the timeout has passed', async () => {
    const run = await runClient(['-c', missingConfig, '-p', String(silentPort), '-t', '1', 'asterisk/pjsip.conf']);
    expect(run.code).toBe(1);
    expect(run.stdout.length).toBe(0);
    expect(run.stderr).toBe(`wazo-confgen: no complete answer from 127.0.0.1:${silentPort} within 1 s\n`);
    expect(run.elapsedMs).toBeGreaterThanOrEqual(1000);
    expect(run.elapsedMs).toBeLessThan(5000);
  });

  // The line protocol has no length or terminator: only a timeout or an error can tell a cut
  // answer from a whole one, and a stalled server is the case that can be produced reliably.
  it('prints nothing when the server stalls in the middle of a file', async () => {
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.once('data', () => socket.write('[global]\nuser_agent = Wazo PBX\n'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const run = await runClient(['-c', missingConfig, '-p', String(port), '-t', '1', 'asterisk/pjsip.conf']);
      expect(run.code).toBe(1);
      expect(run.stdout.length).toBe(0);
      expect(run.stderr).toBe(`wazo-confgen: no complete answer from 127.0.0.1:${port} within 1 s\n`);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('runs as the installed command without NODE_EXTRA_CA_CERTS, which only slows its start', async () => {
    // Node warns on stderr about an unreadable NODE_EXTRA_CA_CERTS file: silence proves it was dropped.
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: join(dir, 'no-such-ca.pem') };
    const run = await runClient(['-c', missingConfig, '-p', String(fake.port), 'asterisk/raw.conf'], { file: installedBin, args: [], env });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.equals(binary)).toBe(true);
  });

  it('loads no module of its own beyond the command file', async () => {
    const loaded = join(dir, 'loaded.json');
    const preload = join(dir, 'record-loaded.cjs');
    writeFileSync(
      preload,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(loaded)}, JSON.stringify(Object.keys(require.cache))));\n`,
    );
    const run = await runClient(['-c', missingConfig, '-p', String(fake.port), 'asterisk/raw.conf'], {
      file: process.execPath,
      args: ['--require', preload, installedBin],
    });
    expect(run.code).toBe(0);
    const modules = (JSON.parse(readFileSync(loaded, 'utf8')) as string[]).filter((path) => path !== preload);
    expect(modules).toEqual([installedBin, fileURLToPath(new URL('../dist/wazo-confgen.cjs', import.meta.url))]);
  });

  it('prints wazo-confgen and the version of its package.json for --version, and --version in --help', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    for (const command of [{ file: process.execPath, args: [bin] }, { file: installedBin, args: [] }]) {
      const run = await runClient(['--version'], command);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout.toString('utf8')).toBe(`wazo-confgen ${version}\n`);
    }
    const help = await runClient(['--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout.toString('utf8')).toMatch(/^usage: wazo-confgen \[-h\] \[--version\] /);
  });

  it('finds its package.json for --version as installed from its npm tarball', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    const packDir = join(dir, 'pack');
    const installed = join(dir, 'installed/node_modules/@wazo-confgend/client');
    mkdirSync(packDir);
    mkdirSync(installed, { recursive: true });
    const packed = await execFileAsync('npm', ['pack', packageDir, '--pack-destination', packDir, '--ignore-scripts', '--json', '--loglevel=error']);
    const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
    await execFileAsync('tar', ['-xzf', join(packDir, filename), '-C', installed, '--strip-components=1']);
    const run = await runClient(['--version'], { file: process.execPath, args: [join(installed, 'bin/wazo-confgen.js')] });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.toString('utf8')).toBe(`wazo-confgen ${version}\n`);
  });

  it('reads its package.json for --version without loading it as a module', async () => {
    const loaded = join(dir, 'loaded-version.json');
    const preload = join(dir, 'record-loaded-version.cjs');
    writeFileSync(
      preload,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(loaded)}, JSON.stringify(Object.keys(require.cache))));\n`,
    );
    const run = await runClient(['--version'], { file: process.execPath, args: ['--require', preload, installedBin] });
    expect(run.code).toBe(0);
    const modules = (JSON.parse(readFileSync(loaded, 'utf8')) as string[]).filter((path) => path !== preload);
    expect(modules).toEqual([installedBin, fileURLToPath(new URL('../dist/wazo-confgen.cjs', import.meta.url))]);
  });

  it('exits 2 with the usage on a bad command line', async () => {
    const run = await runClient([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: wazo-confgen');
  });
});

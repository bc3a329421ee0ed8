// The whole `wazo-confgen` command in one CommonJS file that needs only Node's built-in modules.
// Asterisk starts one process per file it reads (13 in a row per PJSIP reload), so every module
// loaded is paid on each reload: one file skips the per-module resolution and compilation, and
// CommonJS skips the start of Node's ESM loader (several milliseconds on Node 20).
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';

// ---------------------------------------------------------------------------------------------
// Errors

/**
 * A failure the command reports as one line on stderr (no stack trace), with its exit status:
 * 2 for a usage error (as argparse does), 1 for anything that happens at run time.
 */
export class ClientError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

// ---------------------------------------------------------------------------------------------
// Configuration file

export const DEFAULT_CONFIG_FILE = '/etc/wazo-confgend-client/config.conf';
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8669;
export const DEFAULT_TIMEOUT_SECONDS = 5;

export interface ConnectionSettings {
  host: string;
  port: number;
  /** Bounds the connection and, separately, the wait for the whole answer. */
  timeoutSeconds: number;
}

/** Section name → (lower-cased key → value), the subset of Python's configparser the client needs. */
export type IniSections = Map<string, Map<string, string>>;

/**
 * Reads `[confgen] server, port, timeout` from the client's INI file. A missing file gives the
 * built-in defaults (as upstream); a value that is not an integer is an error naming the file.
 */
export function readConfigFile(path: string): ConnectionSettings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (isMissingFile(error)) {
      return { host: DEFAULT_HOST, port: DEFAULT_PORT, timeoutSeconds: DEFAULT_TIMEOUT_SECONDS };
    }
    throw new ClientError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const section = parseIni(text, path).get('confgen');
  return {
    host: section?.get('server') ?? DEFAULT_HOST,
    port: integerValue(section?.get('port'), DEFAULT_PORT, `${path}: [confgen] port`),
    timeoutSeconds: integerValue(section?.get('timeout'), DEFAULT_TIMEOUT_SECONDS, `${path}: [confgen] timeout`),
  };
}

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

function integerValue(raw: string | undefined, fallback: number, what: string): number {
  if (raw === undefined) {
    return fallback;
  }
  const trimmed = raw.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) {
    throw new ClientError(`${what} must be an integer, got '${raw}'`);
  }
  return Number.parseInt(trimmed, 10);
}

function isMissingFile(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

// ---------------------------------------------------------------------------------------------
// Command line

export const USAGE =
  'usage: wazo-confgen [-h] [--version] [-c CONFIG_FILE] [-p PORT] [--host HOST] [-t TIMEOUT] [--cached] [--invalidate] frontend/conffile';

export interface CommandLine {
  configFile: string;
  /** Only set when given and truthy: as upstream, `-p 0` / `-t 0` count as not given. */
  port?: number;
  host?: string;
  timeoutSeconds?: number;
  cached: boolean;
  invalidate: boolean;
  filename: string;
  help: boolean;
  /** `--version`: print `wazo-confgen <version>` and exit, as `--help` does, with no file needed. */
  version: boolean;
}

/** Parses the same flags as the Python `wazo-confgen`; usage errors exit with status 2. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'config-file': { type: 'string', short: 'c' },
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        timeout: { type: 'string', short: 't' },
        cached: { type: 'boolean' },
        invalidate: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new ClientError(`${(error as Error).message}\n${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  const help = values.help === true;
  const version = values.version === true;
  if (!help && !version && positionals.length !== 1) {
    const problem =
      positionals.length === 0
        ? 'the following arguments are required: frontend/conffile'
        : `unrecognized arguments: ${positionals.slice(1).join(' ')}`;
    throw new ClientError(`${problem}\n${USAGE}`, 2);
  }
  const port = optionalInteger(values.port, '-p/--port');
  const timeoutSeconds = optionalInteger(values.timeout, '-t/--timeout');
  return {
    configFile: values['config-file'] ?? DEFAULT_CONFIG_FILE,
    ...(port ? { port } : {}),
    ...(values.host ? { host: values.host } : {}),
    ...(timeoutSeconds ? { timeoutSeconds } : {}),
    cached: values.cached === true,
    invalidate: values.invalidate === true,
    filename: positionals[0] ?? '',
    help,
    version,
  };
}

function optionalInteger(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) {
    return undefined;
  }
  if (!/^\s*[+-]?\d+\s*$/.test(raw)) {
    throw new ClientError(`argument ${flag}: invalid int value: '${raw}'\n${USAGE}`, 2);
  }
  return Number.parseInt(raw, 10);
}

/** The request line the server expects: `<file>[ invalidate][ cached]`, no newline. */
export function requestLine(commandLine: Pick<CommandLine, 'filename' | 'invalidate' | 'cached'>): string {
  const words = [commandLine.filename];
  if (commandLine.invalidate) {
    words.push('invalidate');
  }
  if (commandLine.cached) {
    words.push('cached');
  }
  return words.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Version

/**
 * The version of this package, read from its package.json only when `--version` asks for it:
 * with `fs`, already loaded, and JSON.parse rather than require(), so the start of an ordinary
 * run loads nothing more. The file is one directory above this one both in the workspace
 * (`src/wazo-confgen.cts`, `dist/wazo-confgen.cjs`) and in an installed package (npm always
 * packs package.json at the root, beside `dist/`), so it stays right on every release.
 */
export function clientVersion(): string {
  const path = `${__dirname}/../package.json`;
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ClientError(`cannot read the version from ${path}: ${(error as Error).message}`);
  }
  const version = (manifest as { version?: unknown } | null)?.version;
  if (typeof version !== 'string' || version === '') {
    throw new ClientError(`cannot read the version from ${path}: no "version" in it`);
  }
  return version;
}

// ---------------------------------------------------------------------------------------------
// The request

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

// ---------------------------------------------------------------------------------------------
// The command

export interface ClientIo {
  stdout: Writable;
  stderr: Writable;
}

/**
 * The whole `wazo-confgen` command: command line > config file > built-in defaults, one request,
 * the answer on stdout. Returns the exit status; failures are one line on stderr.
 */
export async function runClient(argv: readonly string[], io: ClientIo): Promise<number> {
  try {
    const commandLine = parseCommandLine(argv);
    if (commandLine.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (commandLine.version) {
      io.stdout.write(`wazo-confgen ${clientVersion()}\n`);
      return 0;
    }
    const fromFile = readConfigFile(commandLine.configFile);
    const settings: ConnectionSettings = {
      host: commandLine.host ?? fromFile.host,
      port: commandLine.port ?? fromFile.port,
      timeoutSeconds: commandLine.timeoutSeconds ?? fromFile.timeoutSeconds,
    };
    validate(settings);
    await fetchFile(settings, requestLine(commandLine), io.stdout);
    return 0;
  } catch (error) {
    if (error instanceof ClientError) {
      io.stderr.write(`wazo-confgen: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(`wazo-confgen: ${(error as Error).message ?? String(error)}\n`);
    return 1;
  }
}

function validate(settings: ConnectionSettings): void {
  if (!Number.isInteger(settings.port) || settings.port < 1 || settings.port > 65535) {
    throw new ClientError(`invalid port ${settings.port}: expected 1-65535`);
  }
  if (!(settings.timeoutSeconds > 0)) {
    throw new ClientError(`invalid timeout ${settings.timeoutSeconds}: expected a positive number of seconds`);
  }
}

/** Runs the command on this process's arguments and sets its exit status. */
export function main(): void {
  // `process` itself is the ClientIo: its stdout/stderr getters only build a stream when one is
  // written to (an empty answer touches neither).
  void runClient(process.argv.slice(2), process).then((code) => {
    process.exitCode = code;
  });
}

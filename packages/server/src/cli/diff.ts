import type { RestApiConfig } from '@wazo-confgend/core';
import { EXIT_BAD_CONFIG, loadConfigOrReport, type CliIo } from './cli-io.js';

/** Exit statuses of `diff`, as diff(1): no difference, differences, trouble. */
const EXIT_SAME = 0;
const EXIT_DIFFERENT = 1;
const EXIT_TROUBLE = 2;

/** Seconds added to `generation_timeout` for the answer of a request that generates a preview. */
const ANSWER_MARGIN_SECONDS = 10;

export interface FileCommandOptions {
  configFile: string;
  resource: string;
  filename: string;
}

interface VersionItem {
  id: string;
  time: string;
  size: number;
  sha256: string;
  trigger: string;
}

/** Where this host's daemon answers HTTP: a wildcard listen address is reached on loopback. */
export function daemonApiUrl(restApi: RestApiConfig): string {
  const listen = restApi.listen.trim();
  let host = listen === '' || listen === '0.0.0.0' || listen === '*' ? '127.0.0.1' : listen === '::' ? '::1' : listen;
  if (host.includes(':')) host = `[${host}]`;
  return `http://${host}:${restApi.port}`;
}

function filePath({ resource, filename }: FileCommandOptions): string {
  return `/1.0/files/${encodeURIComponent(resource)}/${encodeURIComponent(filename)}`;
}

type Answer = { ok: true; body: string } | { ok: false; status: number };

/**
 * One request to the running daemon, from the address its configuration gives; the reason it
 * failed is printed (the daemon's error code and message when it answered one).
 */
async function askDaemon(options: FileCommandOptions, path: string, what: string, io: CliIo): Promise<Answer> {
  const loaded = await loadConfigOrReport(options.configFile, io);
  if (!loaded) return { ok: false, status: EXIT_BAD_CONFIG };
  const { rest_api: restApi, generation_timeout: generationTimeout } = loaded.config;
  const file = `${options.resource}/${options.filename}`;
  if (!restApi.enabled) {
    io.stderr.write(`wazo-confgend: cannot ${what} ${file}: the daemon's HTTP API is off (rest_api.enabled: false in ${options.configFile})\n`);
    return { ok: false, status: EXIT_TROUBLE };
  }
  const base = daemonApiUrl(restApi);
  let response: Response;
  let body: string;
  try {
    response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout((generationTimeout + ANSWER_MARGIN_SECONDS) * 1000) });
    body = await response.text();
  } catch (error) {
    const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    io.stderr.write(`wazo-confgend: cannot ${what} ${file}: no answer from the daemon at ${base} (rest_api of ${options.configFile}): ${reason}\n`);
    return { ok: false, status: EXIT_TROUBLE };
  }
  if (response.ok) return { ok: true, body };
  io.stderr.write(`wazo-confgend: cannot ${what} ${file}: ${describeErrorBody(response.status, body)}\n`);
  return { ok: false, status: EXIT_TROUBLE };
}

function describeErrorBody(status: number, body: string): string {
  try {
    const { error } = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    if (typeof error?.code === 'string' && typeof error.message === 'string') return `${error.code}: ${error.message}`;
  } catch {
    // not the daemon's JSON error: shown as it came
  }
  return `HTTP ${status}: ${body.slice(0, 300)}`;
}

/**
 * `wazo-confgend diff <resource>/<filename> [--from ID] [--to ID|preview|held]`: what the daemon's
 * diff route answers, on stdout; exit 0 when the two contents are equal, 1 when they differ.
 */
export async function diffCommand(options: FileCommandOptions & { from?: string; to?: string }, io: CliIo): Promise<number> {
  const query = new URLSearchParams();
  if (options.from !== undefined) query.set('from', options.from);
  if (options.to !== undefined) query.set('to', options.to);
  const search = query.size > 0 ? `?${query.toString()}` : '';
  const answer = await askDaemon(options, `${filePath(options)}/diff${search}`, 'diff', io);
  if (!answer.ok) return answer.status;
  io.stdout.write(answer.body);
  return answer.body === '' ? EXIT_SAME : EXIT_DIFFERENT;
}

/** `wazo-confgend versions <resource>/<filename>`: the kept versions, newest first. */
export async function versionsCommand(options: FileCommandOptions, io: CliIo): Promise<number> {
  const answer = await askDaemon(options, `${filePath(options)}/versions`, 'list the versions of', io);
  if (!answer.ok) return answer.status;
  const { items, taken } = JSON.parse(answer.body) as { items: VersionItem[]; taken: string | null };
  io.stdout.write(formatVersions(items, taken));
  return 0;
}

/** One line per version; TAKEN marks the one Asterisk last took (the newest when it took none since the start). */
export function formatVersions(items: readonly VersionItem[], taken: string | null): string {
  if (items.length === 0) return '(no version kept)\n';
  const header = ['ID', 'TIME', 'SIZE', 'SHA256', 'TRIGGER', 'TAKEN'];
  const rows = items.map((item) => [item.id, item.time, String(item.size), item.sha256, item.trigger, item.id === taken ? 'yes' : '']);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => `${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()}\n`;
  return [header, ...rows].map(line).join('');
}

/** How log lines look on the console: pino's JSON, or one line a person reads. */
export type ConsoleLogFormat = 'json' | 'text';

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const LEVEL_COLOURS: Record<number, string> = { 10: '90', 20: '90', 30: '32', 40: '33', 50: '31', 60: '35' };
/** Fields every line has, shown in the line's prefix or not at all. */
const PREFIX_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'msg']);

/** Text on a terminal, JSON when the console is a file, a pipe or a journal (machines read it). */
export function consoleLogFormat(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv = process.env): ConsoleLogFormat {
  const requested = env['WAZO_CONFGEND_LOG_FORMAT'];
  if (requested === 'json' || requested === 'text') return requested;
  return (stream as { isTTY?: boolean }).isTTY === true ? 'text' : 'json';
}

function fieldValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

/** `message` and `stack` of a serialised error: the stack goes on the lines below. */
function errorParts(value: unknown): { message: string; stack: string | undefined } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { message, stack } = value as { message?: unknown; stack?: unknown };
  if (typeof message !== 'string') return null;
  return { message, stack: typeof stack === 'string' ? stack : undefined };
}

/**
 * One pino JSON line as `08:56:17.582 INFO  message key=value ...`; an error's stack follows,
 * indented. A line that is not pino's JSON is returned as it is.
 */
export function formatLogLine(line: string, options: { colour: boolean }): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const level = typeof record['level'] === 'number' ? record['level'] : 30;
  const time = typeof record['time'] === 'string' ? record['time'].slice(11, 23) : '';
  const levelName = (LEVEL_NAMES[level] ?? String(level)).padEnd(5);
  const shownLevel = options.colour ? `\u001b[${LEVEL_COLOURS[level] ?? '0'}m${levelName}\u001b[0m` : levelName;
  const fields: string[] = [];
  let stack: string | undefined;
  for (const [key, value] of Object.entries(record)) {
    if (PREFIX_FIELDS.has(key)) continue;
    const error = key === 'err' ? errorParts(value) : null;
    if (error) {
      fields.push(`err=${fieldValue(error.message)}`);
      stack = error.stack;
    } else {
      fields.push(`${key}=${fieldValue(value)}`);
    }
  }
  const message = typeof record['msg'] === 'string' ? record['msg'] : '';
  let text = [time, shownLevel, message, ...fields].filter((part) => part !== '').join(' ');
  if (stack !== undefined && level >= 50) text += `\n${stack.split('\n').map((frame) => `    ${frame.trim()}`).join('\n')}`;
  return `${text}\n`;
}

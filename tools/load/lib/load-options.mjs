import { parseOptions, runMain } from './cli.mjs';
import { formatLoadResult } from './stats.mjs';

/**
 * The options of tcp-load.mjs and http-load.mjs, as `parseOptions` takes them: the same bounds
 * and defaults, only the default port differing (8669 for the legacy TCP protocol, 8670 for HTTP).
 */
export function loadOptions(defaultPort) {
  return {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'number', default: defaultPort },
    file: { type: 'string', default: 'asterisk/rtp.conf' },
    cached: { type: 'boolean', default: false },
    connections: { type: 'number', default: 20 },
    requests: { type: 'number', default: 5000 },
    duration: { type: 'number', default: 30 },
    timeout: { type: 'number', default: 10 },
  };
}

/** `usage: <script> [--name default] … [--flag] …`, every option of `spec` with its default. */
export function loadUsage(script, spec) {
  const options = Object.entries(spec).map(([name, { type, default: fallback }]) =>
    type === 'boolean' ? `[--${name}]` : `[--${name} ${fallback}]`,
  );
  return `usage: ${script} ${options.join(' ')}`;
}

/**
 * The command line of a load script: parses the arguments against `spec` (the usage line, named
 * after `script`, on any error), runs `load` on the options and prints its result.
 */
export function runLoadCommand(script, spec, load) {
  const usage = loadUsage(script, spec);
  runMain(async (argv) => {
    const result = await load(parseOptions(argv, spec, usage));
    process.stdout.write(`${formatLoadResult(result)}\n`);
  });
}

import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * Parses `--name value` options. `spec` maps each option to `{ type: 'string'|'boolean'|'number',
 * default }`; numbers must be positive. Throws with `usage` on anything unknown or malformed.
 */
export function parseOptions(argv, spec, usage) {
  const options = Object.fromEntries(
    Object.entries(spec).map(([name, { type }]) => [name, { type: type === 'boolean' ? 'boolean' : 'string' }]),
  );
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new Error(`${error.message}\n${usage}`, { cause: error });
  }
  const parsed = {};
  for (const [name, { type, default: fallback }] of Object.entries(spec)) {
    const raw = values[name];
    if (raw === undefined) {
      parsed[name] = fallback;
    } else if (type === 'number') {
      const value = Number(raw);
      if (!(Number.isFinite(value) && value > 0)) throw new Error(`--${name} needs a positive number, got '${raw}'\n${usage}`);
      parsed[name] = value;
    } else {
      parsed[name] = raw;
    }
  }
  return parsed;
}

/** Whether the module at `moduleUrl` is the script Node was started with (not an import). */
export function isMain(moduleUrl) {
  return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(moduleUrl));
}

/** Runs a command's `main`, printing a failure as one line and exiting 1. */
export function runMain(main) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  });
}

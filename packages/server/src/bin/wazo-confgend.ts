#!/usr/bin/env node
import { parseCommand, UsageError, USAGE } from '../cli/arguments.js';
import { checkConfigCommand } from '../cli/check-config.js';
import { processIo } from '../cli/cli-io.js';
import { driversCommand } from '../cli/drivers.js';
import { generateCommand } from '../cli/generate.js';
import { runDaemonCommand } from '../cli/run-daemon.js';

async function main(argv: readonly string[]): Promise<number | 'running'> {
  let command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`wazo-confgend: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  switch (command.command) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'run':
      return runDaemonCommand(command, processIo);
    case 'generate':
      return generateCommand(command, processIo);
    case 'drivers':
      return driversCommand(command, processIo);
    case 'check-config':
      return checkConfigCommand(command, processIo);
  }
}

const status = await main(process.argv.slice(2));
if (status !== 'running') {
  process.exitCode = status;
}

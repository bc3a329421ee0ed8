#!/usr/bin/env node
import { helpText, parseCommand, UsageError } from '../cli/arguments.js';
import { checkConfigCommand } from '../cli/check-config.js';
import { diffCommand, versionsCommand } from '../cli/diff.js';
import { processIo } from '../cli/cli-io.js';
import { driversCommand } from '../cli/drivers.js';
import { generateCommand } from '../cli/generate.js';
import { installCommand } from '../cli/install.js';
import { runDaemonCommand } from '../cli/run-daemon.js';
import { serverVersion } from '../package-dir.js';

const EXIT_USAGE = 2;

async function main(argv: readonly string[]): Promise<number | 'running'> {
  let command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`wazo-confgend: ${error.message}\n${helpText(error.topic)}\n`);
    return EXIT_USAGE;
  }
  switch (command.command) {
    case 'help':
      process.stdout.write(`${helpText(command.topic)}\n`);
      return 0;
    case 'version':
      process.stdout.write(`wazo-confgend ${serverVersion()}\n`);
      return 0;
    case 'run':
      return runDaemonCommand(command, processIo);
    case 'generate':
      return generateCommand(command, processIo);
    case 'drivers':
      return driversCommand(command, processIo);
    case 'check-config':
      return checkConfigCommand(command, processIo);
    case 'install':
    case 'uninstall':
      return installCommand(command, processIo);
    case 'diff':
      return diffCommand(command, processIo);
    case 'versions':
      return versionsCommand(command, processIo);
  }
}

const status = await main(process.argv.slice(2));
if (status !== 'running') {
  process.exitCode = status;
}

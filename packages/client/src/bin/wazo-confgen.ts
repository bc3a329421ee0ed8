#!/usr/bin/env node
import { runClient } from '../run-client.js';

process.exitCode = await runClient(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });

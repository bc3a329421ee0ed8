#!/usr/bin/env -S -u NODE_EXTRA_CA_CERTS node
/* global require */
// Kept in git (unlike dist/) so that `npm ci` links the command before the first build:
// npm skips a bin whose file does not exist at install time.
// CommonJS (bin/package.json) and one required file: Asterisk starts this once per file it reads.
// The shebang drops NODE_EXTRA_CA_CERTS: the client speaks plain TCP, and with the variable set
// Node parses the whole CA bundle before running any code (60 ms or more per run).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS on purpose, see above
require('../dist/wazo-confgen.cjs').main();

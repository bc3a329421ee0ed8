#!/usr/bin/env node
// Kept in git (unlike dist/) so that `npm ci` links the command before the first build:
// npm skips a bin whose file does not exist at install time.
await import('../dist/bin/wazo-confgen.js');

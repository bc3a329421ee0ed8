#!/usr/bin/env node
// The entry for `node dist/bin/wazo-confgen.js`. The installed command is bin/wazo-confgen.js,
// which loads the same code without Node's ESM loader.
import { main } from '../wazo-confgen.cjs';

main();

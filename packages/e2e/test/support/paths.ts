import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../../../..');
export const SERVER_BIN = resolve(REPO_ROOT, 'packages/server/dist/bin/wazo-confgend.js');
export const CLIENT_BIN = resolve(REPO_ROOT, 'packages/client/dist/bin/wazo-confgen.js');
export const HELLO_DRIVER_DIR = resolve(REPO_ROOT, 'docs/examples/hello-driver');

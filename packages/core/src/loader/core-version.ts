import { readFileSync } from 'node:fs';

/** Driver contract versions this core can run. */
export const SUPPORTED_API_VERSIONS: readonly number[] = Object.freeze([1]);

export const CORE_PACKAGE_NAME = '@wazo-confgend/core';

/** This copy of core's version, read from its own package.json (the same path from src/ and dist/). */
export const CORE_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

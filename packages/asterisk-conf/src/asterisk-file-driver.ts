import { findAsteriskFile } from '@wazo-confgend/dao';
import { renderAsteriskFile } from './asterisk-file.js';

/** A driver class, as a manifest's `export` names it. */
export type AsteriskFileDriver = new (config?: unknown) => { generate(): Promise<string> };

/**
 * The driver of a file that is nothing but its `asterisk_file` row (rtp.conf, hep.conf): the
 * sections administrators edit through the API, written as stored. Without that file in the
 * database the result is empty, which the service treats as "nothing generated" (it serves the
 * last good file instead). Kept behind its own entry point so that the package's main one does
 * not need `@wazo-confgend/dao`.
 */
export function asteriskFileDriver(filename: string): AsteriskFileDriver {
  return class {
    async generate(): Promise<string> {
      return renderAsteriskFile(await findAsteriskFile(filename));
    }
  };
}

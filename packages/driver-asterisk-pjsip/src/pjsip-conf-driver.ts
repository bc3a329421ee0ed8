import { findAsteriskFile } from '@wazo-confgend/dao';
import { findPjsipConfData } from './queries/find-pjsip-conf-data.js';
import { renderPjsipConf } from './render-pjsip-conf.js';

/**
 * The `asterisk.pjsip.conf` driver: the whole file from nine set-based queries (one for the `asterisk_file` block) run in the
 * caller's read-only session, whatever the number of lines.
 */
export class PjsipConfDriver {
  // The configuration is not used: the file depends on the database alone, as upstream's does.
  constructor(_config?: unknown) {}

  async generate(): Promise<string> {
    const globalBlock = await findAsteriskFile('pjsip.conf');
    const data = await findPjsipConfData();
    return renderPjsipConf(globalBlock, data);
  }
}

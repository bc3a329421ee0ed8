import { confgendError } from '@wazo-confgend/core';
import { safeDump } from '@wazo-confgend/yaml-dump';
import { findInfosUuid } from './queries/find-infos-uuid.js';

/**
 * wazo/uuid.yml: `uuid: <infos.uuid>`, written as PyYAML's safe_dump does. Without an `infos`
 * row upstream's generation fails, and so does this one: the service then keeps the file it had.
 */
export class WazoUuidYmlDriver {
  async generate(): Promise<string> {
    const uuid = await findInfosUuid();
    if (uuid === null) {
      throw confgendError('WCG_ERR_GENERATION_FAILED', 'missingData', { problem: 'no infos row: the installation UUID is not set' });
    }
    return safeDump({ uuid });
  }
}

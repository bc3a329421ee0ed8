import { safeDump } from '@wazo-confgend/yaml-dump';
import { advertisedHttpUrl } from './advertised-http-url.js';
import { findProvdNetwork } from './queries/find-provd-network.js';

/**
 * provd/network.yml: `general.advertised_http_url` when a URL can be made, else an empty map
 * (`{}`), written as PyYAML's safe_dump does.
 */
export class ProvdNetworkYmlDriver {
  async generate(): Promise<string> {
    const url = advertisedHttpUrl(await findProvdNetwork());
    return safeDump(url === null ? {} : { general: { advertised_http_url: url } });
  }
}

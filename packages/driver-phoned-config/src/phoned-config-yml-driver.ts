import { safeDump } from '@wazo-confgend/yaml-dump';
import { findAuthorizedSubnets } from './queries/find-authorized-subnets.js';

/** phoned/config.yml: `rest_api.authorized_subnets`, written as PyYAML's safe_dump does. */
export class PhonedConfigYmlDriver {
  async generate(): Promise<string> {
    return safeDump({ rest_api: { authorized_subnets: await findAuthorizedSubnets() } });
  }
}

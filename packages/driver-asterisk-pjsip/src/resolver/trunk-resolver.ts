import type { SipEndpointSettings, SipOption, SipTrunkSettings, TenantRecordingSettings } from '../queries/types.js';
import { EMPTY_PAI_FORMAT } from './constant-options.js';
import { EndpointResolver, type ResolverRegistry } from './endpoint-resolver.js';
import { recordingAnnouncements, tenantOf } from './recording-announcements.js';

/** The endpoint of a trunk (`trunkfeatures`). */
export class TrunkResolver extends EndpointResolver {
  readonly #trunk: SipTrunkSettings;
  readonly #tenants: ReadonlyMap<string, TenantRecordingSettings>;

  constructor(
    endpoint: SipEndpointSettings,
    registry: ResolverRegistry,
    trunk: SipTrunkSettings,
    tenants: ReadonlyMap<string, TenantRecordingSettings>,
  ) {
    super(endpoint, registry);
    this.#trunk = trunk;
    this.#tenants = tenants;
  }

  protected override defaults(): SipOption[] {
    const options = super.defaults();
    options.push(EMPTY_PAI_FORMAT);
    if (this.#trunk.context) options.push(['context', this.#trunk.context]);
    options.push(...recordingAnnouncements(tenantOf(this.#tenants, this.endpoint.tenantUuid, this.endpoint.name)));
    return options;
  }
}

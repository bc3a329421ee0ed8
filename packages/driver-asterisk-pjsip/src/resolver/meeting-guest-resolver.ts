import { pythonStr } from '@wazo-confgend/asterisk-conf';
import type { MeetingGuestSettings, SipEndpointSettings, SipOption, TenantRecordingSettings } from '../queries/types.js';
import { FROM_WAZO } from './constant-options.js';
import { EndpointResolver, type ResolverRegistry } from './endpoint-resolver.js';
import { recordingAnnouncements, tenantOf } from './recording-announcements.js';

/** The guest endpoint of a meeting (`meeting.guest_endpoint_sip_uuid`). */
export class MeetingGuestResolver extends EndpointResolver {
  readonly #meeting: MeetingGuestSettings;
  readonly #tenants: ReadonlyMap<string, TenantRecordingSettings>;

  constructor(
    endpoint: SipEndpointSettings,
    registry: ResolverRegistry,
    meeting: MeetingGuestSettings,
    tenants: ReadonlyMap<string, TenantRecordingSettings>,
  ) {
    super(endpoint, registry);
    this.#meeting = meeting;
    this.#tenants = tenants;
  }

  protected override defaults(): SipOption[] {
    const options = super.defaults();
    options.push(
      FROM_WAZO,
      ['set_var', `WAZO_MEETING_UUID=${this.#meeting.meetingUuid}`],
      // A meeting without a name prints as Python's None, as upstream does.
      ['set_var', `WAZO_MEETING_NAME=${pythonStr(this.#meeting.meetingName)}`],
    );
    options.push(...recordingAnnouncements(tenantOf(this.#tenants, this.endpoint.tenantUuid, this.endpoint.name)));
    return options;
  }
}

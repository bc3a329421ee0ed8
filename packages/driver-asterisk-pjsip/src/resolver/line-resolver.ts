import type { SipEndpointSettings, SipLineSettings, SipOption, TenantRecordingSettings } from '@wazo-confgend/dao';
import { EndpointResolver, type ResolverRegistry } from './endpoint-resolver.js';
import type { EndpointPickupGroups } from './pickup-groups.js';
import { recordingAnnouncements, tenantOf } from './recording-announcements.js';

export interface LineResolutionData {
  readonly tenants: ReadonlyMap<string, TenantRecordingSettings>;
  readonly pickupGroups: ReadonlyMap<string, EndpointPickupGroups>;
}

/** The endpoint of a line (`linefeatures`), commented or not: upstream emits both. */
export class LineResolver extends EndpointResolver {
  readonly #line: SipLineSettings;
  readonly #data: LineResolutionData;

  constructor(endpoint: SipEndpointSettings, registry: ResolverRegistry, line: SipLineSettings, data: LineResolutionData) {
    super(endpoint, registry);
    this.#line = line;
    this.#data = data;
  }

  protected override defaults(): SipOption[] {
    const line = this.#line;
    const options = super.defaults();
    options.push(['set_var', 'WAZO_CHANNEL_DIRECTION=from-wazo'], ['set_var', `WAZO_LINE_ID=${line.id}`]);
    // An application takes the line out of the dialplan; transfers still use the line's context.
    if (line.applicationUuid) options.push(['context', `stasis-wazo-app-${line.applicationUuid}`]);
    else if (line.context) options.push(['context', line.context]);
    if (line.context) options.push(['set_var', `TRANSFER_CONTEXT=${line.context}`]);
    for (const user of line.users) {
      options.push(
        ['set_var', `XIVO_USERID=${user.id}`],
        ['set_var', `WAZO_USERID=${user.id}`],
        ['set_var', `XIVO_USERUUID=${user.uuid}`],
        ['set_var', `WAZO_USERUUID=${user.uuid}`],
      );
      if (user.enableonlinerec) options.push(['set_var', 'WAZO_USER_DTMF_RECORD_TOGGLE_ENABLED=1']);
      options.push(['set_var', `WAZO_CALLER_SIMULTCALLS=${user.simultcalls}`]);
    }
    if (line.firstExtension) {
      options.push(['set_var', `PICKUPMARK=${line.firstExtension.exten}%${line.firstExtension.context}`]);
    }
    options.push(...recordingAnnouncements(tenantOf(this.#data.tenants, this.endpoint.tenantUuid, this.endpoint.name)));
    const groups = this.#data.pickupGroups.get(this.endpoint.uuid);
    if (groups && groups.pickup.length > 0) options.push(['named_pickup_group', groups.pickup.join(',')]);
    if (groups && groups.call.length > 0) options.push(['named_call_group', groups.call.join(',')]);
    this.#addMailboxes(options);
    return options;
  }

  /** Mailboxes also go to the aor, so a line with voicemail has an aor even without aor options. */
  protected override buildAor(): SipOption[] {
    const options = super.buildAor();
    this.#addMailboxes(options);
    if (options.length > 0) options.push(['type', 'aor']);
    return options;
  }

  #addMailboxes(options: SipOption[]): void {
    const mailboxes = this.#line.users.flatMap((user) =>
      user.voicemail ? [`${user.voicemail.mailbox}@${user.voicemail.context}`] : [],
    );
    if (mailboxes.length > 0) options.push(['mailboxes', mailboxes.join(',')]);
  }
}

import type { SipEndpointSettings, SipLineSettings, SipOption, TenantRecordingSettings } from '../queries/types.js';
import { DTMF_RECORD_TOGGLE, FROM_WAZO, TYPE_AOR } from './constant-options.js';
import { EndpointResolver, type ResolverRegistry } from './endpoint-resolver.js';
import type { PickupGroups } from '@wazo-confgend/asterisk-conf';
import { recordingAnnouncements, tenantOf } from './recording-announcements.js';

export interface LineResolutionData {
  readonly tenants: ReadonlyMap<string, TenantRecordingSettings>;
  readonly pickupGroups: ReadonlyMap<string, PickupGroups>;
}

/** The endpoint of a line (`linefeatures`), commented or not: upstream emits both. */
export class LineResolver extends EndpointResolver {
  readonly #line: SipLineSettings;
  readonly #data: LineResolutionData;
  /** Undefined until first needed. */
  #mailboxes: SipOption | null | undefined;

  constructor(endpoint: SipEndpointSettings, registry: ResolverRegistry, line: SipLineSettings, data: LineResolutionData) {
    super(endpoint, registry);
    this.#line = line;
    this.#data = data;
  }

  protected override defaults(): SipOption[] {
    const line = this.#line;
    const options = super.defaults();
    options.push(FROM_WAZO, ['set_var', `WAZO_LINE_ID=${line.id}`]);
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
      if (user.enableonlinerec) options.push(DTMF_RECORD_TOGGLE);
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
    if (options.length > 0) options.push(TYPE_AOR);
    return options;
  }

  #addMailboxes(options: SipOption[]): void {
    if (this.#mailboxes === undefined) this.#mailboxes = mailboxesOf(this.#line);
    if (this.#mailboxes) options.push(this.#mailboxes);
  }
}

/** The line's `mailboxes` option, if any, made once for both the endpoint and the aor. */
function mailboxesOf(line: SipLineSettings): SipOption | null {
  let mailboxes = '';
  for (const { voicemail } of line.users) {
    if (voicemail) mailboxes += `${mailboxes ? ',' : ''}${voicemail.mailbox}@${voicemail.context}`;
  }
  return mailboxes ? ['mailboxes', mailboxes] : null;
}

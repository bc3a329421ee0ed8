import type { PickupMembership } from '@wazo-confgend/dao';
import type { SectionName } from '../resolver/sections.js';

/** A `(key, value)` option as upstream keeps it: order matters, keys may repeat. */
export type SipOption = readonly [key: string, value: string];

export interface PjsipTransportSettings {
  readonly name: string;
  /** In database (physical) order; a key may repeat. */
  readonly options: readonly SipOption[];
}

/** One `endpoint_sip` row with its own sections and its ordered templates. */
export interface SipEndpointSettings {
  readonly uuid: string;
  readonly name: string;
  readonly label: string | null;
  readonly tenantUuid: string;
  /** `pjsip_transport.name` when the endpoint itself has a transport. */
  readonly transportName: string | null;
  readonly template: boolean;
  /** Parent templates by `endpoint_sip_template.priority`. */
  readonly parentUuids: readonly string[];
  /** The endpoint's own options per section type, in database (physical) order. */
  readonly sections: ReadonlyMap<SectionName, readonly SipOption[]>;
}

export interface LineUserSettings {
  readonly id: number;
  readonly uuid: string;
  readonly enableonlinerec: number;
  readonly simultcalls: number;
  readonly voicemail: { readonly mailbox: string; readonly context: string } | null;
}

export interface SipLineSettings {
  readonly id: number;
  readonly endpointUuid: string;
  readonly context: string;
  readonly applicationUuid: string | null;
  /** Main user first. */
  readonly users: readonly LineUserSettings[];
  /** The main extension if any, else another one, else null. */
  readonly firstExtension: { readonly exten: string; readonly context: string } | null;
}

export interface SipTrunkSettings {
  readonly id: number;
  readonly endpointUuid: string;
  readonly context: string | null;
}

export interface MeetingGuestSettings {
  readonly meetingUuid: string;
  readonly meetingName: string | null;
  readonly endpointUuid: string;
}

export interface TenantRecordingSettings {
  readonly uuid: string;
  readonly recordStartAnnouncement: string | null;
  readonly recordStopAnnouncement: string | null;
}


/** Everything pjsip.conf is made of, read in a fixed, small number of set-based queries. */
export interface PjsipConfData {
  readonly transports: readonly PjsipTransportSettings[];
  /** Every endpoint (those lines, trunks and meeting guests use, their templates, and any other). */
  readonly endpoints: ReadonlyMap<string, SipEndpointSettings>;
  /** In upstream's result order (see find-sip-lines.ts). */
  readonly lines: readonly SipLineSettings[];
  readonly trunks: readonly SipTrunkSettings[];
  readonly meetingGuests: readonly MeetingGuestSettings[];
  readonly tenants: ReadonlyMap<string, TenantRecordingSettings>;
  /** Ordered by pickup id. */
  readonly pickupMemberships: readonly PickupMembership<string>[];
}

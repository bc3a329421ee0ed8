import type { EntitySchema } from 'typeorm';
import { EndpointSip, EndpointSipSection, EndpointSipSectionOption, EndpointSipTemplate } from './endpoint-sip.js';
import { Extension } from './extension.js';
import { LineExtension, LineFeatures, UserLine } from './line.js';
import { Meeting } from './meeting.js';
import { Pickup, PickupMember } from './pickup.js';
import { PjsipTransport, PjsipTransportOption } from './pjsip-transport.js';
import { GroupFeatures, QueueFeatures, QueueMember } from './queue.js';
import { Tenant } from './tenant.js';
import { TrunkFeatures } from './trunk.js';
import { UserFeatures, Voicemail } from './user.js';

/** The tables pjsip.conf reads (endpoints, transports, lines and their users, trunks, meetings, pickups). */
export const PJSIP_ENTITIES: readonly EntitySchema[] = [
  EndpointSip,
  EndpointSipTemplate,
  EndpointSipSection,
  EndpointSipSectionOption,
  PjsipTransport,
  PjsipTransportOption,
  LineFeatures,
  UserLine,
  LineExtension,
  UserFeatures,
  Voicemail,
  Extension,
  TrunkFeatures,
  Meeting,
  Tenant,
  Pickup,
  PickupMember,
  QueueMember,
  GroupFeatures,
  QueueFeatures,
];

export { findPjsipConfData } from './find-pjsip-conf-data.js';
export { findPjsipTransports } from './find-transports.js';
export { findSipEndpoints } from './find-sip-endpoints.js';
export { findSipLines } from './find-sip-lines.js';
export { findMeetingGuests, findSipTrunks } from './find-sip-trunks-and-guests.js';
export { findPickupMemberships } from './find-pickup-memberships.js';
export { findTenantRecordingSettings } from './find-tenants.js';
export type * from './types.js';
export { ENDPOINT_SIP_SECTION_TYPES, type EndpointSipSectionType } from '../entities/endpoint-sip.js';

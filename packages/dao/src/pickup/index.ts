export {
  findPickupMemberships,
  type PickupCategory,
  type PickupEndpoint,
  type PickupMembership,
  type PickupProtocol,
} from './find-pickup-memberships.js';

import type { SipEndpointSettings } from '../queries/types.js';
import { Canonicaliser } from './canonicalise.js';
import { EndpointResolver, type ResolverRegistry } from './endpoint-resolver.js';
import type { ResolvedEndpoint } from './sections.js';

/**
 * One resolution pass (lines, trunks or meeting guests): registers each item's endpoint after its
 * ancestors, parents first, so the registry's insertion order is upstream's, then resolves the
 * non-template endpoints in that order. An endpoint registered twice keeps its first position and
 * its last resolver, as a Python dict does.
 *
 * Endpoints are resolved one at a time as the caller iterates, and a resolved endpoint forgets its
 * built lists: only templates stay memoised, so the memory held is a few endpoints' lists, not the
 * whole file's (20,000 lines is a million option pairs).
 */
export function* resolveEndpoints<Item>(
  items: readonly Item[],
  endpoints: ReadonlyMap<string, SipEndpointSettings>,
  endpointUuidOf: (item: Item) => string,
  createResolver: (endpoint: SipEndpointSettings, registry: ResolverRegistry, item: Item) => EndpointResolver,
): Generator<ResolvedEndpoint> {
  const registry = new Map<string, EndpointResolver>();
  const inProgress = new Set<string>();

  const endpointOf = (uuid: string, childName?: string): SipEndpointSettings => {
    const endpoint = endpoints.get(uuid);
    if (!endpoint) {
      throw new Error(`endpoint_sip ${uuid}${childName ? ` (template of ${childName})` : ''} was not loaded`);
    }
    return endpoint;
  };

  const register = (endpoint: SipEndpointSettings, resolverFor: () => EndpointResolver): void => {
    inProgress.add(endpoint.uuid);
    for (const parentUuid of endpoint.parentUuids) {
      if (registry.has(parentUuid)) continue;
      if (inProgress.has(parentUuid)) {
        throw new Error(`endpoint_sip templates form a cycle through ${endpoint.name} and ${parentUuid}`);
      }
      const parent = endpointOf(parentUuid, endpoint.name);
      register(parent, () => new EndpointResolver(parent, registry));
    }
    inProgress.delete(endpoint.uuid);
    registry.set(endpoint.uuid, resolverFor());
  };

  for (const item of items) {
    const endpoint = endpointOf(endpointUuidOf(item));
    register(endpoint, () => createResolver(endpoint, registry, item));
  }
  const canonicaliser = new Canonicaliser();
  for (const resolver of registry.values()) {
    if (resolver.endpoint.template) continue;
    const resolved = resolver.resolve(canonicaliser);
    resolver.forget();
    yield resolved;
  }
}

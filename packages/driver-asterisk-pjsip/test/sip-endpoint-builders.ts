import type { SipEndpointSettings, SipOption } from '../src/queries/types.js';
import type { SectionName } from '../src/resolver/sections.js';

/** A plain endpoint for resolver specs: a template unless `template: false` is given. */
export function sipEndpoint(
  name: string,
  options: {
    template?: boolean;
    parents?: string[];
    transport?: string;
    tenant?: string;
    label?: string;
    sections?: Partial<Record<SectionName, SipOption[]>>;
  } = {},
): SipEndpointSettings {
  return {
    uuid: `uuid-${name}`,
    name,
    label: options.label ?? null,
    tenantUuid: options.tenant ?? 'tenant-1',
    transportName: options.transport ?? null,
    template: options.template ?? true,
    parentUuids: (options.parents ?? []).map((parent) => `uuid-${parent}`),
    sections: new Map(Object.entries(options.sections ?? {}) as [SectionName, SipOption[]][]),
  };
}

export function endpointMap(...endpoints: SipEndpointSettings[]): Map<string, SipEndpointSettings> {
  return new Map(endpoints.map((endpoint) => [endpoint.uuid, endpoint]));
}

import type { SipEndpointSettings, SipTrunkSettings } from '../queries/types.js';
import { describe, expect, it } from 'vitest';
import { endpointMap, sipEndpoint } from '../../test/sip-endpoint-builders.js';
import { EndpointResolver } from './endpoint-resolver.js';
import { resolveEndpoints } from './resolve-endpoints.js';
import type { ResolvedEndpoint } from './sections.js';
import { TrunkResolver } from './trunk-resolver.js';

const TENANTS = new Map([
  ['tenant-1', { uuid: 'tenant-1', recordStartAnnouncement: null, recordStopAnnouncement: null }],
]);

/** Resolves the given non-template endpoints as base endpoints (template defaults only). */
function resolveAll(endpoints: Map<string, SipEndpointSettings>, ...names: string[]): ResolvedEndpoint[] {
  return [
    ...resolveEndpoints(
      names.map((name) => `uuid-${name}`),
      endpoints,
      (uuid) => uuid,
      (endpoint, registry) => new EndpointResolver(endpoint, registry),
    ),
  ];
}

function resolveTrunk(endpoints: Map<string, SipEndpointSettings>, name: string): ResolvedEndpoint {
  const trunk: SipTrunkSettings = { id: 1, endpointUuid: `uuid-${name}`, context: 'from-extern' };
  const [resolved] = resolveEndpoints(
    [trunk],
    endpoints,
    (item) => item.endpointUuid,
    (endpoint, registry, item) => new TrunkResolver(endpoint, registry, item, TENANTS),
  );
  if (!resolved) throw new Error('no trunk resolved');
  return resolved;
}

const keys = (options: readonly (readonly [string, string])[]) => options.map(([key]) => key);

describe('resolveEndpoints', () => {
  const global = sipEndpoint('global', {
    transport: 'transport-udp',
    sections: {
      aor: [['max_contacts', '1']],
      endpoint: [
        ['callerid', 'wazo'],
        ['allow', '!all,ulaw'],
        ['set_var', 'TIMEOUT(absolute)=36000'],
      ],
    },
  });
  const webrtc = sipEndpoint('webrtc', {
    parents: ['global'],
    transport: 'transport-wss',
    sections: { aor: [['max_contacts', '10']], endpoint: [['allow', '!all,opus'], ['webrtc', 'yes']] },
  });

  it('resolves parents first through several levels, children overriding values at the parent position', () => {
    const phone = sipEndpoint('phone', {
      template: false,
      parents: ['webrtc'],
      sections: { endpoint: [['callerid', '"Ann" <100>']], auth: [['username', 'phone']] },
    });
    const [resolved] = resolveAll(endpointMap(global, webrtc, phone), 'phone');
    expect(resolved?.sections.endpoint).toEqual([
      ['callerid', '"Ann" <100>'],
      ['allow', '!all,opus'],
      ['transport', 'transport-wss'],
      ['aors', 'phone'],
      ['type', 'endpoint'],
      ['webrtc', 'yes'],
      ['auth', 'phone'],
      ['set_var', '__WAZO_TENANT_UUID=tenant-1'],
      ['set_var', 'TIMEOUT(absolute)=36000'],
      // Quirk kept: the template's callerid gives its own XIVO_ORIGINAL_CALLER_ID line.
      ['set_var', 'XIVO_ORIGINAL_CALLER_ID=wazo'],
      ['set_var', 'XIVO_ORIGINAL_CALLER_ID="Ann" <100>'],
    ]);
    expect(resolved?.sections.aor).toEqual([
      ['max_contacts', '10'],
      ['type', 'aor'],
    ]);
  });

  it('concatenates several templates in priority order', () => {
    const codecs = sipEndpoint('codecs', { sections: { endpoint: [['allow', '!all,g722'], ['dtmf_mode', 'info']] } });
    const both = sipEndpoint('both', { template: false, parents: ['codecs', 'global'] });
    const [resolved] = resolveAll(endpointMap(global, codecs, both), 'both');
    expect(keys(resolved?.sections.endpoint ?? []).slice(0, 6)).toEqual([
      'allow',
      'dtmf_mode',
      'type',
      'callerid',
      'transport',
      'aors',
    ]);
    expect(resolved?.sections.endpoint).toContainEqual(['allow', '!all,ulaw']);
  });

  it('puts type after the endpoint keys when the endpoint has no parent', () => {
    const lone = sipEndpoint('lone', {
      template: false,
      sections: { aor: [['max_contacts', '2']], auth: [['username', 'lone']], endpoint: [['allow', 'ulaw']] },
    });
    const [resolved] = resolveAll(endpointMap(lone), 'lone');
    expect(keys(resolved?.sections.endpoint ?? [])).toEqual(['allow', 'aors', 'auth', 'type', 'set_var']);
  });

  it('emits only non-template endpoints, in the order their items came, each once', () => {
    const a = sipEndpoint('a', { template: false, parents: ['global'] });
    const b = sipEndpoint('b', { template: false });
    const resolved = resolveAll(endpointMap(global, a, b), 'b', 'a', 'b', 'global');
    expect(resolved.map((endpoint) => endpoint.name)).toEqual(['b', 'a']);
  });

  it('names a template cycle instead of recursing forever', () => {
    const x = sipEndpoint('x', { parents: ['y'] });
    const y = sipEndpoint('y', { parents: ['x'] });
    const z = sipEndpoint('z', { template: false, parents: ['x'] });
    expect(() => resolveAll(endpointMap(x, y, z), 'z')).toThrow(/cycle/);
  });

  it('unions identify matches of template and trunk, dropping exact duplicates', () => {
    const twilio = sipEndpoint('twilio', { sections: { identify: [['match', '1.1.1.1'], ['match', '2.2.2.2']] } });
    const trunk = sipEndpoint('trunk', {
      template: false,
      parents: ['twilio'],
      sections: { identify: [['match', '2.2.2.2'], ['match', '3.3.3.3']] },
    });
    expect(resolveTrunk(endpointMap(twilio, trunk), 'trunk').sections.identify).toEqual([
      ['type', 'identify'],
      ['endpoint', 'trunk'],
      ['match', '1.1.1.1'],
      ['match', '2.2.2.2'],
      ['match', '3.3.3.3'],
    ]);
  });

  it('builds a registration from a template alone and names its outbound auth auth_reg_<name>', () => {
    const registering = sipEndpoint('registering', {
      sections: { registration: [['retry_interval', '20']], registration_outbound_auth: [['username', 'u']] },
    });
    const trunk = sipEndpoint('trunk', { template: false, parents: ['registering'] });
    const resolved = resolveTrunk(endpointMap(registering, trunk), 'trunk');
    // Quirk kept: no server_uri/client_uri of its own, yet a registration section.
    expect(resolved.sections.registration).toEqual([
      ['retry_interval', '20'],
      ['type', 'registration'],
      ['endpoint', 'trunk'],
      ['outbound_auth', 'auth_reg_trunk'],
    ]);
    expect(resolved.sections.registration_outbound_auth).toEqual([
      ['username', 'u'],
      ['type', 'auth'],
    ]);
  });

  it('replaces template references by the endpoint own names (same key, later value)', () => {
    const withAuth = sipEndpoint('with_auth', {
      sections: { auth: [['username', 't']], outbound_auth: [['username', 'o']] },
    });
    const trunk = sipEndpoint('trunk', { template: false, parents: ['with_auth'] });
    const resolved = resolveTrunk(endpointMap(withAuth, trunk), 'trunk');
    expect(resolved.sections.endpoint).toContainEqual(['auth', 'trunk']);
    expect(resolved.sections.endpoint).toContainEqual(['outbound_auth', 'outbound_auth_trunk']);
    expect(resolved.sections.endpoint).not.toContainEqual(['auth', 'with_auth']);
    expect(keys(resolved.sections.endpoint).filter((key) => key === 'type')).toHaveLength(1);
  });

  it('starts a trunk endpoint with its context and an empty WAZO_PAI_FORMAT', () => {
    const trunk = sipEndpoint('bare', { template: false, sections: { endpoint: [['allow', '!all,alaw']] } });
    expect(resolveTrunk(endpointMap(trunk), 'bare').sections.endpoint).toEqual([
      ['context', 'from-extern'],
      ['allow', '!all,alaw'],
      ['type', 'endpoint'],
      ['set_var', '__WAZO_TENANT_UUID=tenant-1'],
      ['set_var', 'WAZO_PAI_FORMAT='],
    ]);
  });
});

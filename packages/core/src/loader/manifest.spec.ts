import { describe, expect, it } from 'vitest';
import { CORE_VERSION, SUPPORTED_API_VERSIONS } from './core-version.js';
import { normaliseNamespace, parseManifest } from './manifest.js';
import { errorOf } from '../test-helpers/error-of.js';

const entry = { namespace: 'asterisk.pjsip.conf', name: 'wazo', module: './dist/index.js', export: 'PjsipDriver' };

function pkg(manifest: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'drv', version: '2.3.4', wazoConfgend: manifest, ...extra };
}

describe('parseManifest', () => {
  it('reads the drivers a package declares, with export defaulting to "default"', () => {
    const { export: _ignored, ...withoutExport } = entry;
    expect(parseManifest(pkg({ apiVersion: 1, drivers: [entry, { ...withoutExport, name: 'other' }] }), 'drv')).toEqual([
      { ...entry, events: [] },
      { ...withoutExport, name: 'other', export: 'default', events: [] },
    ]);
  });

  it('reads the bus events a driver declares, once each', () => {
    const [parsed] = parseManifest(pkg({ apiVersion: 1, drivers: [{ ...entry, events: ['sip_endpoint_edited', 'line_created', 'line_created'] }] }), 'drv');
    expect(parsed?.events).toEqual(['sip_endpoint_edited', 'line_created']);
  });

  it('returns no drivers for a package without a manifest', () => {
    expect(parseManifest({ name: 'fastify', version: '5.0.0' }, 'fastify')).toEqual([]);
  });

  it('normalises the full wazo_confgend.<resource>.<filename> namespace', () => {
    const [parsed] = parseManifest(pkg({ apiVersion: 1, drivers: [{ ...entry, namespace: 'wazo_confgend.asterisk.sip.conf' }] }), 'drv');
    expect(parsed?.namespace).toBe('asterisk.sip.conf');
    expect(normaliseNamespace('provd.network.yml')).toBe('provd.network.yml');
  });

  it.each([
    ['a manifest that is not an object', 'x', 'wazoConfgend'],
    ['a missing apiVersion', { drivers: [entry] }, 'wazoConfgend.apiVersion'],
    ['missing drivers', { apiVersion: 1 }, 'wazoConfgend.drivers'],
    ['an empty driver list', { apiVersion: 1, drivers: [] }, 'wazoConfgend.drivers'],
    ['a driver that is not an object', { apiVersion: 1, drivers: [entry, 'x'] }, 'wazoConfgend.drivers[1]'],
    ['a missing name', { apiVersion: 1, drivers: [{ ...entry, name: undefined }] }, 'wazoConfgend.drivers[0].name'],
    ['a namespace without a filename', { apiVersion: 1, drivers: [{ ...entry, namespace: 'asterisk' }] }, 'wazoConfgend.drivers[0].namespace'],
    ['a namespace with a path', { apiVersion: 1, drivers: [{ ...entry, namespace: 'asterisk.../x' }] }, 'wazoConfgend.drivers[0].namespace'],
    ['a module outside the package', { apiVersion: 1, drivers: [{ ...entry, module: '../other/index.js' }] }, 'wazoConfgend.drivers[0].module'],
    ['an absolute module', { apiVersion: 1, drivers: [{ ...entry, module: '/etc/passwd' }] }, 'wazoConfgend.drivers[0].module'],
    ['an empty export', { apiVersion: 1, drivers: [{ ...entry, export: '' }] }, 'wazoConfgend.drivers[0].export'],
    ['the same driver twice', { apiVersion: 1, drivers: [entry, entry] }, 'wazoConfgend.drivers[1]'],
    ['events that are not a list', { apiVersion: 1, drivers: [{ ...entry, events: 'line_created' }] }, 'wazoConfgend.drivers[0].events'],
    ['an event name that is not one', { apiVersion: 1, drivers: [{ ...entry, events: ['Line Created'] }] }, 'wazoConfgend.drivers[0].events'],
  ])('rejects %s, naming the package and the JSON path', (_case, manifest, jsonPath) => {
    const error = errorOf(() => parseManifest(pkg(manifest), 'drv'));
    expect(error.code).toBe('WCG_ERR_MANIFEST_INVALID');
    expect(error.details).toMatchObject({ packageName: 'drv', jsonPath });
    expect(error.message).toContain('drv');
    expect(error.message).toContain(jsonPath);
  });

  it('rejects an unsupported apiVersion, naming declared and supported versions', () => {
    const error = errorOf(() => parseManifest(pkg({ apiVersion: 2, drivers: [entry] }), 'drv'));
    expect(error.code).toBe('WCG_ERR_DRIVER_INCOMPATIBLE');
    expect(error.message).toContain('drv@2.3.4 declares driver apiVersion 2');
    expect(error.message).toContain(`supports apiVersion ${SUPPORTED_API_VERSIONS.join(', ')}`);
  });

  it('rejects a peer range on core that this core does not satisfy', () => {
    const error = errorOf(() => parseManifest(pkg({ apiVersion: 1, drivers: [entry] }, { peerDependencies: { '@wazo-confgend/core': '^99.0.0' } }), 'drv'));
    expect(error.code).toBe('WCG_ERR_DRIVER_INCOMPATIBLE');
    expect(error.message).toBe(`drv@2.3.4 requires @wazo-confgend/core ^99.0.0, but the installed @wazo-confgend/core is ${CORE_VERSION}`);
  });

  it('accepts a satisfied peer range and rejects one that is not a range', () => {
    const satisfied = pkg({ apiVersion: 1, drivers: [entry] }, { peerDependencies: { '@wazo-confgend/core': `^${CORE_VERSION}` } });
    expect(parseManifest(satisfied, 'drv')).toHaveLength(1);
    const garbage = pkg({ apiVersion: 1, drivers: [entry] }, { peerDependencies: { '@wazo-confgend/core': 'not a range' } });
    expect(errorOf(() => parseManifest(garbage, 'drv')).code).toBe('WCG_ERR_MANIFEST_INVALID');
  });

  it('reads its own version from package.json', () => {
    expect(CORE_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });
});

import { describe, expect, it } from 'vitest';
import { mergeConfig } from './merge.js';

describe('mergeConfig', () => {
  it('lets the first layer that has a key win', () => {
    expect(mergeConfig({ a: 1 }, { a: 2, b: 2 }, { b: 3, c: 3 })).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('merges mappings key by key, recursively', () => {
    const highest = { enabled_asterisk_modules: { 'res_clialiases.so': true }, plugins: { 'asterisk.pjsip.conf': 'other' } };
    const main = {
      enabled_asterisk_modules: { 'res_clialiases.so': false, 'chan_sip.so': false },
      plugins: { 'asterisk.pjsip.conf': 'wazo', 'asterisk.rtp.conf': 'wazo' },
    };
    expect(mergeConfig(highest, main)).toEqual({
      enabled_asterisk_modules: { 'res_clialiases.so': true, 'chan_sip.so': false },
      plugins: { 'asterisk.pjsip.conf': 'other', 'asterisk.rtp.conf': 'wazo' },
    });
    expect(mergeConfig({ a: { b: { c: 1 } } }, { a: { b: { d: 2 }, e: 3 } })).toEqual({ a: { b: { c: 1, d: 2 }, e: 3 } });
  });

  it('replaces lists and scalars wholesale instead of merging them', () => {
    expect(mergeConfig({ plugin_paths: ['/a'] }, { plugin_paths: ['/b', '/c'] })).toEqual({ plugin_paths: ['/a'] });
    expect(mergeConfig({ templates: 'x' }, { templates: { a: 1 } })).toEqual({ templates: 'x' });
    expect(mergeConfig({ templates: { a: 1 } }, { templates: 'x' }, { templates: { b: 2 } })).toEqual({ templates: { a: 1, b: 2 } });
  });

  it('lets a higher-priority null replace a mapping', () => {
    expect(mergeConfig({ db_uri: null, templates: null }, { db_uri: 'postgresql://x', templates: { a: 1 } })).toEqual({ db_uri: null, templates: null });
  });

  it('treats missing layers as empty and never aliases or mutates a layer', () => {
    const frozen = Object.freeze({ rest_api: Object.freeze({ port: 8670, listen: '127.0.0.1' }), list: Object.freeze([1]) });
    const merged = mergeConfig(undefined, { rest_api: { port: 9000 } }, null, frozen);
    expect(merged).toEqual({ rest_api: { port: 9000, listen: '127.0.0.1' }, list: [1] });
    (merged['rest_api'] as Record<string, unknown>)['listen'] = 'changed';
    (merged['list'] as unknown[]).push(2);
    expect(frozen.rest_api.listen).toBe('127.0.0.1');
    expect(frozen.list).toEqual([1]);
  });

  it('keeps a "__proto__" key as data', () => {
    const layer = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const merged = mergeConfig(layer);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.keys(merged)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

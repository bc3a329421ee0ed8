import { describe, expect, it } from 'vitest';
import { fileKeyOfNamespace, formatFileKey, namespaceOf, parseFileKey } from './file-key.js';

describe('parseFileKey', () => {
  it('accepts ordinary names', () => {
    expect(parseFileKey('asterisk', 'pjsip.conf')).toEqual({ resource: 'asterisk', filename: 'pjsip.conf' });
    expect(parseFileKey('wazo', 'uuid.yml')).toEqual({ resource: 'wazo', filename: 'uuid.yml' });
  });

  it.each([
    ['..', 'x'],
    ['asterisk', '..'],
    ['.', 'x'],
    ['asterisk', 'a/b'],
    ['a/b', 'x'],
    ['asterisk', 'a\\b'],
    ['asterisk', 'pjsip.conf\u0000'],
    ['asterisk', 'queueskills.conf\r'],
    ['asterisk', 'a\nb'],
    ['asterisk', 'a\u007fb'],
    ['', 'x'],
    ['asterisk', ''],
    ['asterisk', 'x'.repeat(256)],
  ])('rejects %j / %j', (resource, filename) => {
    expect(() => parseFileKey(resource, filename)).toThrow(expect.objectContaining({ code: 'WCG_ERR_INVALID_FILE_KEY' }));
  });

  it('rejects values that are not strings', () => {
    expect(() => parseFileKey(undefined as unknown as string, 'x')).toThrow(expect.objectContaining({ code: 'WCG_ERR_INVALID_FILE_KEY' }));
  });
});

describe('namespaces', () => {
  it('maps files to plugins keys and back', () => {
    const key = { resource: 'asterisk', filename: 'pjsip.conf' };
    expect(formatFileKey(key)).toBe('asterisk/pjsip.conf');
    expect(namespaceOf(key)).toBe('asterisk.pjsip.conf');
    expect(fileKeyOfNamespace('asterisk.pjsip.conf')).toEqual(key);
  });

  it('refuses namespaces that name no file', () => {
    expect(fileKeyOfNamespace('asterisk')).toBeNull();
    expect(fileKeyOfNamespace('.conf')).toBeNull();
    expect(fileKeyOfNamespace('asterisk..')).toBeNull();
    expect(fileKeyOfNamespace('asterisk.a/b')).toBeNull();
  });
});

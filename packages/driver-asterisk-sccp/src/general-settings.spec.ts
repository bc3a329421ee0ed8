import { describe, expect, it } from 'vitest';
import { splitGeneralSettings } from './general-settings.js';

const setting = (option_name: string, option_value = 'v') => ({ option_name, option_value });

describe('splitGeneralSettings', () => {
  it('sends device and line options to their templates and keeps the rest general, each in order', () => {
    const settings = ['keepalive', 'guest', 'allow', 'vmexten', 'context', 'max_guests', 'dateformat', 'tos_audio'].map((name) => setting(name));
    const split = splitGeneralSettings(settings);
    expect(split.general.map((item) => item.option_name)).toEqual(['guest', 'max_guests']);
    expect(split.device.map((item) => item.option_name)).toEqual(['keepalive', 'vmexten', 'dateformat']);
    expect(split.line.map((item) => item.option_name)).toEqual(['allow', 'context', 'tos_audio']);
  });
});

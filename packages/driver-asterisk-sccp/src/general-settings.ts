import type { SccpGeneralSetting } from './queries/find-sccp-general-settings.js';

const DEVICE_OPTIONS: ReadonlySet<string> = new Set(['dialtimeout', 'dateformat', 'vmexten', 'keepalive']);
const LINE_OPTIONS: ReadonlySet<string> = new Set(['context', 'language', 'directmedia', 'tos_audio', 'disallow', 'allow']);

export interface SplitGeneralSettings {
  /** Written in `[general]`. */
  readonly general: SccpGeneralSetting[];
  /** Written in the device template. */
  readonly device: SccpGeneralSetting[];
  /** Written in the line template. */
  readonly line: SccpGeneralSetting[];
}

/** Sorts the general settings into the three sections upstream writes them in, keeping their order. */
export function splitGeneralSettings(settings: readonly SccpGeneralSetting[]): SplitGeneralSettings {
  const split: SplitGeneralSettings = { general: [], device: [], line: [] };
  for (const setting of settings) {
    if (DEVICE_OPTIONS.has(setting.option_name)) split.device.push(setting);
    else if (LINE_OPTIONS.has(setting.option_name)) split.line.push(setting);
    else split.general.push(setting);
  }
  return split;
}

import { ConfOutput, ConfWriter } from '@wazo-confgend/asterisk-conf';
import type { SplitGeneralSettings } from './general-settings.js';
import type { PickupGroups } from '@wazo-confgend/asterisk-conf';
import { optionLine } from './option-line.js';
import type { SccpDeviceSettings, SccpLineSettings, SccpSpeeddial } from './queries/find-sccp-endpoints.js';
import type { SccpGeneralSetting } from './queries/find-sccp-general-settings.js';

const DEVICE_TEMPLATE = 'xivo_device_tpl';
const LINE_TEMPLATE = 'xivo_line_tpl';
const GUEST_DEVICE = 'guest';
const GUEST_LINE = 'guestline';
/** Upper bound of a call's duration, in seconds. */
const ABSOLUTE_CHANNEL_TIMEOUT = 36000;

export interface SccpConfData {
  readonly settings: SplitGeneralSettings;
  readonly devices: readonly SccpDeviceSettings[];
  readonly lines: readonly SccpLineSettings[];
  readonly pickupGroups: ReadonlyMap<number, PickupGroups>;
  readonly speeddials: readonly SccpSpeeddial[];
}

/**
 * sccp.conf in upstream's four writers on one output: `[general]`, the device template with the
 * guest and every device, the line template with the guest line and every line, the speed dials.
 * Each writer separates only its own sections, and most sections end with an empty line of their
 * own: hence the single and double empty lines upstream has.
 */
export function renderSccpConf(data: SccpConfData): string {
  const output = new ConfOutput();
  writeGeneral(output, data.settings.general);
  writeDevices(output, data.settings.device, data.devices, data.speeddials);
  writeLines(output, data.settings.line, data.lines, data.pickupGroups);
  writeSpeeddials(output, data.speeddials);
  return output.toString();
}

function writeGeneral(output: ConfOutput, settings: readonly SccpGeneralSetting[]): void {
  const writer = new ConfWriter(output);
  writer.section('general');
  for (const setting of settings) writer.option(setting.option_name, setting.option_value);
  writer.newline();
}

function writeDevices(
  output: ConfOutput,
  settings: readonly SccpGeneralSetting[],
  devices: readonly SccpDeviceSettings[],
  speeddials: readonly SccpSpeeddial[],
): void {
  const writer = new ConfWriter(output);
  writer.templateSection(DEVICE_TEMPLATE);
  for (const setting of settings) writer.option(setting.option_name, setting.option_value);
  writer.newline();

  writer.sectionUsingTemplate(GUEST_DEVICE, DEVICE_TEMPLATE);
  writer.option('type', 'device');
  writer.option('line', GUEST_LINE);
  writer.newline();

  const speeddialsByDevice = speeddialNamesByDevice(speeddials);
  for (const device of devices) {
    writer.sectionUsingTemplate(device.name, DEVICE_TEMPLATE);
    let options = optionLine('type', 'device');
    if (device.line) options += optionLine('line', device.line);
    if (device.voicemail) options += optionLine('voicemail', device.voicemail);
    for (const speeddial of speeddialsByDevice.get(device.device) ?? []) options += optionLine('speeddial', speeddial);
    output.write(options);
    writer.newline();
  }
}

/** A device lists its speed dials by key number: a stable sort, so equal numbers keep query order. */
function speeddialNamesByDevice(speeddials: readonly SccpSpeeddial[]): Map<string, string[]> {
  const byDevice = new Map<string, string[]>();
  for (const speeddial of [...speeddials].sort((a, b) => a.fknum - b.fknum)) {
    let names = byDevice.get(speeddial.device);
    if (!names) byDevice.set(speeddial.device, (names = []));
    names.push(speeddialName(speeddial));
  }
  return byDevice;
}

function speeddialName(speeddial: SccpSpeeddial): string {
  return `${speeddial.user_id}-${speeddial.fknum}`;
}

function writeLines(
  output: ConfOutput,
  settings: readonly SccpGeneralSetting[],
  lines: readonly SccpLineSettings[],
  pickupGroups: ReadonlyMap<number, PickupGroups>,
): void {
  const writer = new ConfWriter(output);
  writer.templateSection(LINE_TEMPLATE);
  for (const { option_name: name, option_value: value } of settings) {
    if (name === 'disallow') continue;
    if (name === 'allow') {
      if (!value) continue;
      writer.option('disallow', 'all');
      writer.option(name, value);
    } else if (name === 'directmedia') {
      writer.option(name, value === 'no' ? '0' : '1');
    } else {
      writer.option(name, value);
    }
  }
  writer.option('setvar', `TIMEOUT(absolute)=${ABSOLUTE_CHANNEL_TIMEOUT}`);
  writer.newline();

  writer.sectionUsingTemplate(GUEST_LINE, LINE_TEMPLATE);
  writer.option('type', 'line');
  writer.option('context', 'xivo-initconfig');
  writer.option('cid_name', 'Autoprov');
  writer.option('cid_num', 'autoprov');
  writer.newline();

  for (const line of lines) {
    writer.sectionUsingTemplate(line.name, LINE_TEMPLATE);
    output.write(lineOptions(line, pickupGroups.get(line.id)));
    writer.newline();
  }
}

/** The options of one line's section, in upstream's order, as one chunk. */
function lineOptions(line: SccpLineSettings, groups: PickupGroups | undefined): string {
  let options =
    optionLine('type', 'line') +
    optionLine('cid_name', line.cid_name) +
    optionLine('cid_num', line.cid_num) +
    optionLine('setvar', `XIVO_ORIGINAL_CALLER_ID="${line.cid_name}" <${line.cid_num}>`) +
    // The XIVO_ names are deprecated aliases that upstream still writes.
    optionLine('setvar', `XIVO_USERID=${line.user_id}`) +
    optionLine('setvar', `WAZO_USERID=${line.user_id}`) +
    optionLine('setvar', `XIVO_USERUUID=${line.uuid}`) +
    optionLine('setvar', `WAZO_USERUUID=${line.uuid}`) +
    optionLine('setvar', `WAZO_TENANT_UUID=${line.tenant_uuid}`) +
    optionLine('setvar', `PICKUPMARK=${line.number}%${line.context}`) +
    optionLine('setvar', `TRANSFER_CONTEXT=${line.context}`) +
    optionLine('setvar', 'WAZO_CHANNEL_DIRECTION=from-wazo') +
    optionLine('setvar', `WAZO_LINE_ID=${line.id}`) +
    optionLine('setvar', `WAZO_CALLER_SIMULTCALLS=${line.simultcalls}`);
  if (line.enableonlinerec) options += optionLine('setvar', 'DYNAMIC_FEATURES=togglerecord');
  if (line.language) options += optionLine('language', line.language);
  options += optionLine('context', line.context);
  if (line.disallow) options += optionLine('disallow', line.disallow);
  if (line.allow) options += optionLine('allow', line.allow);
  if (groups && groups.call.length > 0) options += optionLine('namedcallgroup', groups.call.join(','));
  if (groups && groups.pickup.length > 0) options += optionLine('namedpickupgroup', groups.pickup.join(','));
  return options;
}

function writeSpeeddials(output: ConfOutput, speeddials: readonly SccpSpeeddial[]): void {
  const writer = new ConfWriter(output);
  for (const speeddial of speeddials) {
    writer.section(speeddialName(speeddial));
    let options = optionLine('type', 'speeddial') + optionLine('extension', speeddial.exten);
    if (speeddial.label) options += optionLine('label', speeddial.label);
    output.write(options + optionLine('blf', speeddial.supervision));
    writer.newline();
  }
}

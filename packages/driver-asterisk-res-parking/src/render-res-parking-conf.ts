import { ConfOutput, ConfWriter } from '@wazo-confgend/asterisk-conf';
import type { ParkingLotSettings } from './queries/find-parking-lots.js';

/** Behaviour Wazo gives every lot; only the extension, hold music, slots and timeout vary. */
const FIXED_OPTIONS = [
  ['findslot', 'next'],
  ['parkext_exclusive', 'yes'],
  ['parkinghints', 'yes'],
  ['comebacktoorigin', 'yes'],
  ['parkedplay', 'caller'],
  ['parkedcalltransfers', 'no'],
  ['parkedcallreparking', 'no'],
  ['parkedcallhangup', 'no'],
  ['parkedcallrecording', 'no'],
] as const;

function writeParkingLot(writer: ConfWriter, lot: ParkingLotSettings): void {
  writer.section(`parkinglot-${lot.id}`);
  writer.option('parkext', lot.exten);
  writer.option('context', lot.context);
  writer.option('parkedmusicclass', lot.musicOnHold ?? '');
  writer.option('parkpos', `${lot.slotsStart}-${lot.slotsEnd}`);
  // A NULL timeout is written 0, as upstream does.
  writer.option('parkingtime', lot.timeout ?? 0);
  for (const [key, value] of FIXED_OPTIONS) writer.option(key, value);
}

/**
 * res_parking.conf: a `[default]` lot in the `wazo-disabled` context, then one
 * `[parkinglot-<id>]` per lot given, with one writer: sections separated by one empty line, no
 * empty line at the end.
 */
export function renderResParkingConf(lots: readonly ParkingLotSettings[]): string {
  const output = new ConfOutput();
  const writer = new ConfWriter(output);
  writer.section('default');
  writer.option('context', 'wazo-disabled');
  for (const lot of lots) writeParkingLot(writer, lot);
  return output.toString();
}

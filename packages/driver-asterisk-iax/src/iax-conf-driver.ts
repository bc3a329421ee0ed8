import { ConfOutput, ConfWriter } from '@wazo-confgend/asterisk-conf';
import { writeIaxOption } from './codec-rules.js';
import { findIaxCallNumberLimits } from './queries/find-iax-call-number-limits.js';
import { findIaxGeneralSettings } from './queries/find-iax-general-settings.js';
import { findIaxTrunks } from './queries/find-iax-trunks.js';
import { trunkOptions } from './trunk-options.js';

/**
 * asterisk/iax.conf, in one writer: `[general]` from the enabled `staticiax` rows (NULL values
 * skipped, `register => ...` lines, `disallow` rows dropped in favour of the `allow` expansion),
 * `[callnumberlimits]` when there are limits, then one section per enabled IAX trunk. Three queries.
 */
export class IaxConfDriver {
  async generate(): Promise<string> {
    // One after the other: the queries share the session's single connection.
    const general = await findIaxGeneralSettings();
    const limits = await findIaxCallNumberLimits();
    const trunks = await findIaxTrunks();

    const output = new ConfOutput();
    const writer = new ConfWriter(output);

    writer.section('general');
    for (const { var_name: name, var_val: value } of general) {
      if (value === null || name === 'disallow') continue;
      if (name === 'register') writer.objectOption(name, value);
      else writeIaxOption(writer, name, value);
    }

    if (limits.length > 0) {
      writer.section('callnumberlimits');
      for (const limit of limits) writer.option(`${limit.destination}/${limit.netmask}`, limit.calllimits);
    }

    for (const trunk of trunks) {
      writer.section(trunk.name);
      for (const [name, value] of trunkOptions(trunk)) writeIaxOption(writer, name, value);
    }
    return output.toString();
  }
}

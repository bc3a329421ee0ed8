import { ConfOutput, ConfWriter } from '@wazo-confgend/asterisk-conf';
import { findFeaturesSettings } from './queries/find-features-settings.js';

/**
 * asterisk/features.conf: `[general]`, `[featuremap]` and `[applicationmap]` from the `features`
 * table, one writer, so sections are separated by one empty line and an empty section is just its
 * header. The table is read on every generation: upstream read it once per process, so a change
 * only showed after a restart; that is not kept.
 * A NULL value prints as `None`, as upstream's writer does (enabled rows normally have a value).
 */
export class FeaturesConfDriver {
  async generate(): Promise<string> {
    const settings = await findFeaturesSettings();
    const output = new ConfOutput();
    const writer = new ConfWriter(output);
    for (const [section, options] of [
      ['general', settings.general],
      ['featuremap', settings.featuremap],
      ['applicationmap', settings.applicationmap],
    ] as const) {
      writer.section(section);
      for (const option of options) writer.option(option.name, option.value);
    }
    return output.toString();
  }
}

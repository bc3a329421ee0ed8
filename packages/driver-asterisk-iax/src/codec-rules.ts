import type { ConfWriter } from '@wazo-confgend/asterisk-conf';

/**
 * Writes an option the way iax.conf does: `allow` becomes `disallow = all` then one `allow`
 * line per comma-separated codec (an empty item gives a bare `allow =`, as Python's split does).
 */
export function writeIaxOption(writer: ConfWriter, name: string, value: string): void {
  if (name !== 'allow') {
    writer.option(name, value);
    return;
  }
  writer.option('disallow', 'all');
  for (const codec of value.split(',')) writer.option('allow', codec);
}

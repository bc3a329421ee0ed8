import { renderAsteriskFile } from '@wazo-confgend/asterisk-conf';
import { findAsteriskFile } from '@wazo-confgend/dao';

/**
 * asterisk/rtp.conf: the `rtp.conf` sections administrators edit through the API, written as
 * stored. Without that file in the database the result is empty, which the service treats as
 * "nothing generated" (it serves the last good file instead).
 */
export class RtpConfDriver {
  async generate(): Promise<string> {
    return renderAsteriskFile(await findAsteriskFile('rtp.conf'));
  }
}

import { asteriskFileDriver } from '@wazo-confgend/asterisk-conf/asterisk-file-driver';

/** asterisk/rtp.conf: the `rtp.conf` row of `asterisk_file`, written as stored. */
export const RtpConfDriver = asteriskFileDriver('rtp.conf');

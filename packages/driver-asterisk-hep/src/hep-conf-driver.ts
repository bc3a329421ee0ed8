import { asteriskFileDriver } from '@wazo-confgend/asterisk-conf/asterisk-file-driver';

/** asterisk/hep.conf: the `hep.conf` row of `asterisk_file`, written as stored. */
export const HepConfDriver = asteriskFileDriver('hep.conf');

import { findParkingLots } from './queries/find-parking-lots.js';
import { renderResParkingConf } from './render-res-parking-conf.js';

/**
 * asterisk/res_parking.conf: the default lot, then every parking lot of every tenant that has a
 * parking extension. One query, whatever the number of lots.
 */
export class ResParkingConfDriver {
  async generate(): Promise<string> {
    return renderResParkingConf(await findParkingLots());
  }
}

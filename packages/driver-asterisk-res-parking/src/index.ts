export { ResParkingConfDriver } from './res-parking-conf-driver.js';

export { HepConfDriver } from './hep-conf-driver.js';

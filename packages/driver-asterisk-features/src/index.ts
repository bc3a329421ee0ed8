export { FeaturesConfDriver } from './features-conf-driver.js';

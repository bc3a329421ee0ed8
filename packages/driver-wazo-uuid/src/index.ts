export { WazoUuidYmlDriver } from './wazo-uuid-yml-driver.js';

export { PhonedConfigYmlDriver } from './phoned-config-yml-driver.js';

export { ProvdNetworkYmlDriver } from './provd-network-yml-driver.js';

export { ModulesConfDriver, SHIPPED_MODULES_TEMPLATE } from './modules-conf-driver.js';
export { disabledModules } from './disabled-modules.js';

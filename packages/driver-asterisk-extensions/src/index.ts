export { ExtensionsConfDriver } from './extensions-conf-driver.js';
export { SHIPPED_CONTEXTS_TEMPLATE } from './contexts-template/load-contexts-template.js';
export { SHIPPED_IVR_TEMPLATE } from './ivr/render-ivrs.js';

export { PjsipConfDriver } from './pjsip-conf-driver.js';
export { renderPjsipConf, PJSIP_REQUIRED_SECTIONS } from './render-pjsip-conf.js';
export { canonicalise } from './resolver/canonicalise.js';
export type { ResolvedEndpoint, SectionName } from './resolver/sections.js';

export { checkAsteriskConf } from './check/check-asterisk-conf.js';
export type { ConfProblem, ConfProblemEffect, ConfProblemRule } from './check/conf-problem.js';
export { ConfOutput, ConfWriter } from './conf-writer.js';
export { holdsLineBreak, lineBreakError, refuseLineBreak, type ConfPlace } from './line-breaks.js';
export { renderAsteriskFile, type AsteriskFile, type AsteriskFileSection } from './asterisk-file.js';
export { pickupGroupsByEndpoint, type PickupGroupMember, type PickupGroups } from './pickup-groups.js';
export { pythonIntSetOrder } from './python-int-set.js';
export { pythonStr, pythonStrip } from './python-text.js';
export {
  DEFAULT_OPERATOR_TEMPLATES_DIR,
  operatorTemplatesDir,
  readFirstTemplate,
  compileJinjaTemplate,
  renderJinjaTemplate,
  withPythonGet,
  type TemplateFile,
} from './template.js';

export { ConfOutput, ConfWriter } from './conf-writer.js';
export { renderAsteriskFile, type AsteriskFile, type AsteriskFileSection } from './asterisk-file.js';
export { pythonStr, pythonStrip } from './python-text.js';
export {
  DEFAULT_OPERATOR_TEMPLATES_DIR,
  operatorTemplatesDir,
  readFirstTemplate,
  renderJinjaTemplate,
  withPythonGet,
  type TemplateFile,
} from './template.js';

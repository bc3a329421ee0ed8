export {
  findAsteriskFile,
  type AsteriskFileData,
  type AsteriskFileSectionData,
  type AsteriskFileVariableData,
} from './find-asterisk-file.js';

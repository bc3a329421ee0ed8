import type { SipOption } from '../queries/types.js';

// Generated options that never vary: one tuple each, shared by every section that holds it, so
// their lines are built once (see SharedOptionLines).
export const TYPE_AOR: SipOption = ['type', 'aor'];
export const TYPE_AUTH: SipOption = ['type', 'auth'];
export const TYPE_ENDPOINT: SipOption = ['type', 'endpoint'];
export const TYPE_IDENTIFY: SipOption = ['type', 'identify'];
export const TYPE_REGISTRATION: SipOption = ['type', 'registration'];
export const FROM_WAZO: SipOption = ['set_var', 'WAZO_CHANNEL_DIRECTION=from-wazo'];
export const DTMF_RECORD_TOGGLE: SipOption = ['set_var', 'WAZO_USER_DTMF_RECORD_TOGGLE_ENABLED=1'];
export const EMPTY_PAI_FORMAT: SipOption = ['set_var', 'WAZO_PAI_FORMAT='];

export const CONSTANT_OPTIONS: readonly SipOption[] = [
  TYPE_AOR,
  TYPE_AUTH,
  TYPE_ENDPOINT,
  TYPE_IDENTIFY,
  TYPE_REGISTRATION,
  FROM_WAZO,
  DTMF_RECORD_TOGGLE,
  EMPTY_PAI_FORMAT,
];

import type { EntitySchema } from 'typeorm';
import { AsteriskFile, AsteriskFileSection, AsteriskFileVariable } from './asterisk-file.js';
import { Conference } from './conference.js';
import { Features } from './features.js';
import { Moh } from './moh.js';
import { PJSIP_ENTITIES } from './pjsip-entities.js';

/**
 * Every table the drivers read, mapped onto the real Wazo schema. Each entity lives in its own
 * module; add it here so the data source knows it.
 */
export const WAZO_ENTITIES: readonly EntitySchema[] = [
  AsteriskFile,
  AsteriskFileSection,
  AsteriskFileVariable,
  Conference,
  Features,
  Moh,
  ...PJSIP_ENTITIES,
];

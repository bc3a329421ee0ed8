import type { EntitySchema } from 'typeorm';
import { AgentFeatures } from './agentfeatures.js';
import { AccessFeatures } from './accessfeatures.js';
import { AgentQueueSkill } from './agentqueueskill.js';
import { Infos } from './infos.js';
import { Netiface } from './netiface.js';
import { Provisioning } from './provisioning.js';
import { AsteriskFile, AsteriskFileSection, AsteriskFileVariable } from './asterisk-file.js';
import { Conference } from './conference.js';
import { Callfilter } from './callfilter.js';
import { Callfiltermember } from './callfiltermember.js';
import { Context } from './context.js';
import { ContextInclude } from './contextinclude.js';
import { Dialaction } from './dialaction.js';
import { FeatureExtension } from './feature-extension.js';
import { FuncKeyDestAgent } from './func-key-dest-agent.js';
import { FuncKeyDestBsfilter } from './func-key-dest-bsfilter.js';
import { FuncKeyDestConference } from './func-key-dest-conference.js';
import { FuncKeyDestCustom } from './func-key-dest-custom.js';
import { FuncKeyDestForward } from './func-key-dest-forward.js';
import { FuncKeyDestGroupMember } from './func-key-dest-groupmember.js';
import { FuncKeyDestService } from './func-key-dest-service.js';
import { FuncKeyMapping } from './func-key-mapping.js';
import { Ivr } from './ivr.js';
import { IvrChoice } from './ivr-choice.js';
import { SccpLine } from './sccpline.js';
import { SccpDevice } from './sccpdevice.js';
import { SccpGeneralSettings } from './sccpgeneralsettings.js';
import { StaticIax } from './staticiax.js';
import { IaxCallNumberLimits } from './iaxcallnumberlimits.js';
import { UserIax } from './useriax.js';
import { UserCustom } from './usercustom.js';
import { Features } from './features.js';
import { Moh } from './moh.js';
import { ParkingLot } from './parking-lot.js';
import { PJSIP_ENTITIES } from './pjsip-entities.js';
import { Queue } from './queue.js';
import { QueueSkill } from './queueskill.js';
import { QueueSkillRule } from './queueskillrule.js';
import { StaticQueue } from './staticqueue.js';
import { StaticVoicemail } from './staticvoicemail.js';

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
  ParkingLot,
  StaticVoicemail,
  ...PJSIP_ENTITIES,
  Context,
  ContextInclude,
  FeatureExtension,
  FuncKeyMapping,
  FuncKeyDestService,
  FuncKeyDestForward,
  FuncKeyDestAgent,
  FuncKeyDestGroupMember,
  FuncKeyDestBsfilter,
  FuncKeyDestCustom,
  FuncKeyDestConference,
  Callfilter,
  Callfiltermember,
  SccpLine,
  SccpDevice,
  SccpGeneralSettings,
  StaticIax,
  IaxCallNumberLimits,
  UserIax,
  UserCustom,
  Ivr,
  IvrChoice,
  Dialaction,
  Queue,
  StaticQueue,
  AgentFeatures,
  AgentQueueSkill,
  QueueSkill,
  QueueSkillRule,
  AccessFeatures,
  Infos,
  Netiface,
  Provisioning,
];

import { query } from '@wazo-confgend/dao';

/** A user's line as `[usersharedlines]` lists it. */
export interface SharedLineRow {
  readonly user_uuid: string;
  readonly line_name: string | null;
  readonly kind: 'custom' | 'sip' | 'sccp' | 'none' | null;
}

export interface UserHintRow {
  readonly context: string;
  readonly exten: string;
  readonly argument: string;
}

export interface ConferenceHintRow {
  readonly context: string;
  readonly exten: string;
  readonly conference_id: number;
}

export type FuncKeyHintKind = 'service' | 'forward' | 'groupmember' | 'agent' | 'custom';

/** A BLF function key: `exten` is the feature's extension, or the dialled one for `custom`. */
export interface FuncKeyHintRow {
  readonly kind: FuncKeyHintKind;
  readonly context: string;
  readonly user_id: number;
  readonly exten: string;
  readonly argument: string | null;
}

export interface BsfilterHintRow {
  readonly context: string;
  readonly filtermember_id: number;
}

export interface HintRows {
  readonly sharedLines: readonly SharedLineRow[];
  readonly users: readonly UserHintRow[];
  readonly conferences: readonly ConferenceHintRow[];
  readonly funcKeys: readonly FuncKeyHintRow[];
  readonly bsfilters: readonly BsfilterHintRow[];
}

// One row per user line (a user without line: one row of NULLs), every user and line whatever
// its state. Upstream's eager load orders by main_line DESC alone, which puts users without a
// line first (NULLS FIRST); within a user the main line comes first.
const FIND_SHARED_LINES = `
  SELECT userfeatures.uuid AS user_uuid, linefeatures.name AS line_name,
         CASE WHEN linefeatures.id IS NULL THEN NULL
              WHEN linefeatures.endpoint_custom_id IS NOT NULL THEN 'custom'
              WHEN linefeatures.endpoint_sip_uuid IS NOT NULL THEN 'sip'
              WHEN linefeatures.endpoint_sccp_id IS NOT NULL THEN 'sccp'
              ELSE 'none' END AS kind
  FROM userfeatures
  LEFT JOIN user_line ON user_line.user_id = userfeatures.id
  LEFT JOIN linefeatures ON linefeatures.id = user_line.line_id
  ORDER BY bool_or(user_line.main_line) OVER (PARTITION BY userfeatures.id) DESC,
           userfeatures.ctid, user_line.main_line DESC, user_line.ctid`;

// The main user's main extensions of users with hints enabled. Upstream's DISTINCT has no
// ORDER BY, so its order is the plan's (a hash aggregate's): the same statement is issued here,
// which gives the same order on the same server, rather than an order upstream never had.
const FIND_USER_EXTENSIONS = `
  SELECT DISTINCT userfeatures.id AS user_id, extensions.exten, extensions.context
  FROM user_line
  JOIN userfeatures ON userfeatures.id = user_line.user_id
  JOIN line_extension ON user_line.line_id = line_extension.line_id
  JOIN extensions ON line_extension.extension_id = extensions.id
  WHERE user_line.main_user IS true AND line_extension.main_extension IS true AND userfeatures.enablehint = 1`;

// For each user, the '&'-join of the interfaces of the enabled lines it is main user of.
const FIND_USER_ARGUMENTS = `
  SELECT user_line.user_id,
         string_agg(CASE WHEN linefeatures.endpoint_sip_uuid IS NOT NULL THEN 'PJSIP/' || endpoint_sip.name
                         WHEN linefeatures.endpoint_sccp_id IS NOT NULL THEN 'SCCP/' || sccpline.name
                         WHEN linefeatures.endpoint_custom_id IS NOT NULL THEN usercustom.interface END,
                    '&' ORDER BY user_line.ctid) AS argument
  FROM user_line
  JOIN linefeatures ON linefeatures.id = user_line.line_id
  LEFT JOIN endpoint_sip ON endpoint_sip.uuid = linefeatures.endpoint_sip_uuid
  LEFT JOIN sccpline ON sccpline.id = linefeatures.endpoint_sccp_id
  LEFT JOIN usercustom ON usercustom.id = linefeatures.endpoint_custom_id
  WHERE user_line.main_user AND linefeatures.commented = 0
  GROUP BY user_line.user_id`;

/** User hints: users whose lines give no interface are left out, as upstream does. */
async function findUserHints(): Promise<UserHintRow[]> {
  const extensions = await query<{ user_id: number; exten: string; context: string }>(FIND_USER_EXTENSIONS);
  if (extensions.length === 0) return [];
  const argumentRows = await query<{ user_id: number; argument: string | null }>(FIND_USER_ARGUMENTS);
  const argumentsByUser = new Map(argumentRows.map((row) => [row.user_id, row.argument]));
  return extensions.flatMap(({ user_id, exten, context }) => {
    const argument = argumentsByUser.get(user_id);
    return argument ? [{ context, exten, argument }] : [];
  });
}

// Every conference some function key points at, for each of its extensions (a conference on
// several keys comes once per key; the hint list keeps the first).
const FIND_CONFERENCE_HINTS = `
  SELECT extensions.context, extensions.exten, conference.id AS conference_id
  FROM conference
  JOIN func_key_dest_conference ON func_key_dest_conference.conference_id = conference.id
  JOIN extensions ON extensions.type = 'conference' AND extensions.typeval = conference.id::text
  ORDER BY func_key_dest_conference.ctid, extensions.ctid`;

// The BLF keys of users' own templates, in the context of the owner's main line's main
// extension: one branch per destination kind upstream queries separately, the owners joined once.
const FIND_FUNC_KEY_HINTS = `
  WITH owners AS (
    SELECT userfeatures.func_key_private_template_id AS template_id, userfeatures.id AS user_id, extensions.context,
           user_line.ctid AS user_line_ctid, line_extension.ctid AS line_extension_ctid
    FROM userfeatures
    JOIN user_line ON user_line.user_id = userfeatures.id AND user_line.main_user AND user_line.main_line
    JOIN line_extension ON line_extension.line_id = user_line.line_id AND line_extension.main_extension
    JOIN extensions ON extensions.id = line_extension.extension_id
  ), destinations AS (
    SELECT 1 AS kind_rank, 'service' AS kind, func_key_dest_service.func_key_id, feature_extension.exten, NULL::text AS argument
    FROM func_key_dest_service
    JOIN feature_extension ON feature_extension.uuid = func_key_dest_service.feature_extension_uuid AND feature_extension.enabled
    UNION ALL
    SELECT 2, 'forward', func_key_dest_forward.func_key_id, feature_extension.exten, func_key_dest_forward.number::text
    FROM func_key_dest_forward
    JOIN feature_extension ON feature_extension.uuid = func_key_dest_forward.feature_extension_uuid AND feature_extension.enabled
    UNION ALL
    SELECT 3, 'groupmember', func_key_dest_groupmember.func_key_id, feature_extension.exten, func_key_dest_groupmember.group_id::text
    FROM func_key_dest_groupmember
    JOIN feature_extension ON feature_extension.uuid = func_key_dest_groupmember.feature_extension_uuid AND feature_extension.enabled
    UNION ALL
    SELECT 4, 'agent', func_key_dest_agent.func_key_id, feature_extension.exten, func_key_dest_agent.agent_id::text
    FROM func_key_dest_agent
    JOIN feature_extension ON feature_extension.uuid = func_key_dest_agent.feature_extension_uuid AND feature_extension.enabled
    UNION ALL
    SELECT 5, 'custom', func_key_dest_custom.func_key_id, func_key_dest_custom.exten, NULL::text
    FROM func_key_dest_custom
  )
  SELECT destinations.kind, owners.context, owners.user_id, destinations.exten, destinations.argument
  FROM destinations
  JOIN func_key_mapping ON func_key_mapping.func_key_id = destinations.func_key_id AND func_key_mapping.blf
  JOIN owners ON owners.template_id = func_key_mapping.template_id
  ORDER BY destinations.kind_rank, func_key_mapping.ctid, owners.user_line_ctid, owners.line_extension_ctid`;

// Every boss-secretary filter key, mapped on a template or not, of an enabled filter, in the
// context of the member's main extension while that extension is enabled.
const FIND_BSFILTER_HINTS = `
  SELECT extensions.context, func_key_dest_bsfilter.filtermember_id
  FROM func_key_dest_bsfilter
  JOIN callfiltermember ON callfiltermember.id = func_key_dest_bsfilter.filtermember_id
  JOIN callfilter ON callfilter.id = callfiltermember.callfilterid
  JOIN userfeatures ON userfeatures.id = CAST(callfiltermember.typeval AS INTEGER)
  JOIN user_line ON user_line.user_id = userfeatures.id
  JOIN line_extension ON line_extension.line_id = user_line.line_id
  JOIN extensions ON extensions.id = line_extension.extension_id
  WHERE user_line.main_user AND user_line.main_line AND line_extension.main_extension
    AND extensions.commented = 0 AND callfilter.commented = 0
  ORDER BY func_key_dest_bsfilter.ctid, user_line.ctid, line_extension.ctid`;

/** Every hint source, each in one query for all contexts (upstream: one query per kind too). */
export async function findHintRows(): Promise<HintRows> {
  const sharedLines = await query<SharedLineRow>(FIND_SHARED_LINES);
  const users = await findUserHints();
  const conferences = await query<ConferenceHintRow>(FIND_CONFERENCE_HINTS);
  const funcKeys = await query<FuncKeyHintRow>(FIND_FUNC_KEY_HINTS);
  const bsfilters = await query<BsfilterHintRow>(FIND_BSFILTER_HINTS);
  return { sharedLines, users, conferences, funcKeys, bsfilters };
}

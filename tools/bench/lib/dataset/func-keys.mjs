/*
 * Function keys on each user's private template: a BLF on the next user for everyone, and by
 * proportion a do-not-disturb service key, an unconditional-forward key, a custom speed dial
 * (every SCCP user has one: it becomes an SCCP speeddial), an agent toggle for each agent, a
 * group-member toggle (one per group), a conference key and a boss/secretary filter key.
 */
import { AGENT_ID, IS_AGENT, IS_SCCP, insert, userAt, extenAt, USERS } from './sql.mjs';
import { CALLFILTER_ID, IS_SECRETARY } from './users.mjs';

const feature = (name) => `(SELECT uuid FROM feature_extension WHERE feature = '${name}')`;

/** k: the key's number on the template (its id is 8 u + k, its position k + 1). */
const KEYS = [
  { k: 0, destinationType: 1, where: 'true', table: 'func_key_dest_user', columns: { user_id: userAt('p + 1') } },
  {
    k: 1,
    destinationType: 5,
    where: 'u % 5 = 0',
    table: 'func_key_dest_service',
    columns: { feature_extension_uuid: feature('enablednd') },
  },
  {
    k: 2,
    destinationType: 6,
    where: 'u % 10 = 3',
    table: 'func_key_dest_forward',
    columns: { feature_extension_uuid: feature('fwdunc'), number: `'0612' || lpad(u::text, 6, '0')` },
  },
  {
    k: 3,
    destinationType: 10,
    where: `u % 10 = 7 OR ${IS_SCCP}`,
    table: 'func_key_dest_custom',
    columns: { exten: extenAt('p + 2') },
    label: `'Speed ' || u`,
    blf: 'u % 2 = 1',
  },
  {
    k: 4,
    destinationType: 11,
    where: IS_AGENT,
    table: 'func_key_dest_agent',
    columns: { agent_id: AGENT_ID, feature_extension_uuid: feature('agentstaticlogtoggle') },
  },
  {
    k: 5,
    destinationType: 13,
    where: 'p % 3 = 2 AND p / 3 < groups',
    table: 'func_key_dest_groupmember',
    columns: { group_id: 'groups_base + p / 3 + 1', feature_extension_uuid: feature('groupmembertoggle') },
  },
  {
    k: 6,
    destinationType: 4,
    where: 'u % 50 = 1',
    table: 'func_key_dest_conference',
    columns: { conference_id: 'conferences_base + (p / 50) % conferences + 1' },
  },
  {
    k: 7,
    destinationType: 12,
    where: IS_SECRETARY,
    table: 'func_key_dest_bsfilter',
    // The secretary's key follows the boss's membership of their filter.
    columns: { filtermember_id: `2 * (${CALLFILTER_ID}) - 1` },
  },
];

export function funcKeyStatements() {
  return KEYS.flatMap((key) => {
    const id = `8 * u + ${key.k}`;
    return [
      insert('func_key', { id, type_id: '1', destination_type_id: String(key.destinationType) }, USERS, key.where),
      insert(
        key.table,
        { func_key_id: id, destination_type_id: String(key.destinationType), ...key.columns },
        USERS,
        key.where,
      ),
      insert(
        'func_key_mapping',
        {
          template_id: 'u',
          func_key_id: id,
          destination_type_id: String(key.destinationType),
          label: key.label ?? 'NULL',
          position: String(key.k + 1),
          blf: key.blf ?? 'true',
        },
        USERS,
        key.where,
      ),
    ];
  });
}

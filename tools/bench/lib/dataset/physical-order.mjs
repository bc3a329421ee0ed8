/*
 * Production rows are edited after they are created, and an UPDATE writes the new row version
 * at the end of the table: physical order (what an unordered scan returns, and what upstream's
 * queries without ORDER BY see) then differs from id order. These updates do that to a fraction
 * of the rows of every table whose order reaches a file.
 */
import { raw } from './sql.mjs';

export function physicalOrderStatements() {
  return [
    // An own option moved after the others: its section's options are no longer in insertion order.
    `UPDATE endpoint_sip_section_option SET value = value WHERE key = 'callerid' AND value LIKE '%3>'`,
    `UPDATE userfeatures SET description = 'edited' WHERE id % 11 = 0`,
    `UPDATE linefeatures SET description = 'edited' WHERE id % 17 = 0`,
    `UPDATE trunkfeatures SET description = 'edited' WHERE id % 3 = 0`,
    // voicemail.conf groups consecutive rows by context: a moved mailbox repeats its context.
    `UPDATE voicemail SET password = password WHERE uniqueid % 9 = 0`,
    `UPDATE queue SET timeout = timeout WHERE md5(name) < '3'`,
    `UPDATE queuemember SET penalty = penalty WHERE userid % 7 = 0`,
    `UPDATE ivr SET timeout = timeout WHERE id % 5 = 0`,
    `UPDATE sccpdevice SET device = device WHERE id % 3 = 0`,
    // An agent's first skill moved after its second.
    `UPDATE agentqueueskill SET weight = weight WHERE agentid % 4 = 0 AND weight >= 50`,
    `UPDATE conference SET name = name WHERE id % 3 = 0`,
    `UPDATE func_key_mapping SET label = label WHERE template_id % 13 = 0`,
  ].map(raw);
}

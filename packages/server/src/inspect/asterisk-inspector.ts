import { checkAsteriskConf } from '@wazo-confgend/asterisk-conf';
import type { ContentInspector, ContentProblem } from '@wazo-confgend/core';

const ASTERISK_CONF = /^asterisk\/[^/]+\.conf$/;

/**
 * The structural check of the daemon: an Asterisk `.conf` file it would refuse or load only in
 * part is not served (the last good one is). `empty-file` is left out: a file holding comments
 * only (the shipped sip.conf) is what its driver means, and a file emptied by accident is the
 * shrink guard's business. Other formats (the yml files) are not inspected.
 */
export const asteriskInspector: ContentInspector = (file, content) => {
  if (!ASTERISK_CONF.test(file)) return [];
  return checkAsteriskConf(content.toString('utf8'))
    .filter((problem) => problem.rule !== 'empty-file')
    .map(({ line, rule, message }): ContentProblem => ({ line, rule, message }));
};

/** The name generation threads import the check by (DriverRunner's `inspectorModule`). */
export { asteriskInspector as inspect };

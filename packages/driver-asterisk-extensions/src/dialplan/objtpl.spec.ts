import { describe, expect, it } from 'vitest';
import { ConfOutput, ConfWriter } from '@wazo-confgend/asterisk-conf';
import { extensionAction, writeObjtpl } from './objtpl.js';

function written(lines: readonly string[], values: Parameters<typeof writeObjtpl>[2]): string {
  const output = new ConfOutput();
  writeObjtpl(new ConfWriter(output), lines, values);
  return output.toString();
}

describe('extensionAction', () => {
  it('passes users their extension id, incalls to did, others by type', () => {
    expect(extensionAction({ id: 7, type: 'user', typeval: '101' })).toBe('GoSub(user,s,1(101,,7))');
    expect(extensionAction({ id: 8, type: 'incall', typeval: '3' })).toBe('GoSub(did,s,1(3,))');
    expect(extensionAction({ id: 9, type: 'queue', typeval: '2' })).toBe('GoSub(queue,s,1(2,))');
  });
});

describe('writeObjtpl', () => {
  const values = { context: 'ctx', exten: '1001', action: 'GoSub(user,s,1(1,,1))', tenantUuid: 't-1' };

  it('writes exten for the line that starts with the extension, same for the others, then an empty line', () => {
    expect(written(['%%EXTEN%%,%%PRIORITY%%,Set(A=%%CONTEXT%%)', 'n,Set(T=%%TENANT_UUID%%)', 'n(action),%%ACTION%%'], values)).toBe(
      'exten = 1001,1,Set(A=ctx)\nsame  =     n,Set(T=t-1)\nsame  =     n(action),GoSub(user,s,1(1,,1))\n\n',
    );
  });

  it('strips what an empty placeholder leaves at the end of a line', () => {
    expect(written(['n,Set(X=1) %%TENANT_UUID%%'], { ...values, tenantUuid: '' })).toBe('same  =     n,Set(X=1)\n\n');
  });

  it('replaces placeholders in order, so a context holding a placeholder is expanded further', () => {
    expect(written(['%%EXTEN%%,1,Goto(%%CONTEXT%%)'], { ...values, context: '%%EXTEN%%' })).toBe('exten = 1001,1,Goto(1001)\n\n');
  });
});

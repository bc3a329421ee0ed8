import { describe, expect, it } from 'vitest';
import { ConfOutput, ConfWriter } from '@wazo-confgend/asterisk-conf';
import { ObjtplBlock } from './objtpl-block.js';
import { writeObjtpl } from './objtpl.js';

type Extension = readonly [exten: string, action: string];

function viaBlock(lines: readonly string[], context: string, tenantUuid: string, extensions: readonly Extension[]): string {
  const output = new ConfOutput();
  const block = new ObjtplBlock(new ConfWriter(output), output, lines, { context, tenantUuid });
  for (const [exten, action] of extensions) block.write(exten, action);
  return output.toString();
}

function viaWriteObjtpl(lines: readonly string[], context: string, tenantUuid: string, extensions: readonly Extension[]): string {
  const output = new ConfOutput();
  const writer = new ConfWriter(output);
  for (const [exten, action] of extensions) writeObjtpl(writer, lines, { context, exten, action, tenantUuid });
  return output.toString();
}

const LINES = ['%%EXTEN%%,%%PRIORITY%%,Set(C=%%CONTEXT%%)', 'n,Set(T=%%TENANT_UUID%%)', 'n(action),%%ACTION%%'];

describe('ObjtplBlock', () => {
  it('writes each extension as writeObjtpl does', () => {
    expect(viaBlock(LINES, 'ctx', 't-1', [['1001', 'GoSub(user,s,1(1,,7))'], ['_8XXX', 'GoSub(group,s,1(2,))']])).toBe(
      'exten = 1001,1,Set(C=ctx)\nsame  =     n,Set(T=t-1)\nsame  =     n(action),GoSub(user,s,1(1,,7))\n\n' +
        'exten = _8XXX,1,Set(C=ctx)\nsame  =     n,Set(T=t-1)\nsame  =     n(action),GoSub(group,s,1(2,))\n\n',
    );
  });

  it('strips what an empty tenant leaves at the end of a line', () => {
    expect(viaBlock(['%%EXTEN%%,1,NoOp() %%TENANT_UUID%%', 'n,Set(X=%%ACTION%%)\u00a0'], 'ctx', '', [['*31', 'A']])).toBe(
      'exten = *31,1,NoOp()\nsame  =     n,Set(X=A)\n\n',
    );
  });

  it('replaces in upstream order when a value holds or completes a placeholder', () => {
    const lines = ['%%EXTEN%%,1,Goto(%%CONTEXT%%)', 'n,%%PRI%%ACTION%%ORITY%%', 'n,%%TENANT_%%EXTEN%%UUID%%'];
    const extensions: Extension[] = [
      ['%%ACTION%%', 'x'],
      ['', 'y'],
      ['ACTION', '%%TENANT_UUID%%'],
      ['1002', ''],
    ];
    for (const context of ['plain', '%%EXTEN%%']) {
      expect(viaBlock(lines, context, 't', extensions)).toBe(viaWriteObjtpl(lines, context, 't', extensions));
    }
    expect(viaBlock(lines, '%%EXTEN%%', 't', [['1002', '']])).toBe('exten = 1002,1,Goto(1002)\nsame  =     n,%%PRIORITY%%\nsame  =     n,%%TENANT_1002UUID%%\n\n');
  });

  it('refuses a line break as the writer does, unless the strip removes it', () => {
    expect(() => viaBlock(LINES, 'ctx', 't', [['1001', 'NoOp(\n[evil])']])).toThrow(/holds a line break/);
    expect(() => viaBlock(LINES, 'c\nx', 't', [['1001', 'A']])).toThrow(/holds a line break/);
    expect(viaBlock(['n,%%ACTION%%'], 'ctx', 't', [['1001', 'A\n']])).toBe('same  =     n,A\n\n');
  });
});

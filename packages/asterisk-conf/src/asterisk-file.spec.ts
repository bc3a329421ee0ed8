import { describe, expect, it } from 'vitest';
import { renderAsteriskFile } from './asterisk-file.js';

const section = (name: string, ...pairs: [string, string | null][]) => ({
  name,
  variables: pairs.map(([key, value]) => ({ key, value })),
});

describe('renderAsteriskFile', () => {
  it('renders sections in the given order and ends with an empty line', () => {
    const file = { sections: [section('general', ['rtpstart', '10000'], ['rtpend', '20000']), section('ice_host_candidates')] };
    expect(renderAsteriskFile(file)).toBe('[general]\nrtpstart = 10000\nrtpend = 20000\n\n[ice_host_candidates]\n\n');
  });

  it('prints a NULL variable as an empty value', () => {
    expect(renderAsteriskFile({ sections: [section('general', ['enabled', null])] })).toBe('[general]\nenabled =\n\n');
  });

  it('renders nothing for a missing file without required sections', () => {
    expect(renderAsteriskFile(null)).toBe('');
    expect(renderAsteriskFile({ sections: [] })).toBe('');
  });

  it('writes the required sections of a missing file, with no final separator', () => {
    expect(renderAsteriskFile(null, ['global', 'system'])).toBe('[global]\n\n\n[system]\n\n');
  });

  it('appends the required sections the file lacks, then the final separator', () => {
    const file = { sections: [section('global', ['user_agent', 'Wazo PBX'])] };
    expect(renderAsteriskFile(file, ['global', 'system'])).toBe('[global]\nuser_agent = Wazo PBX\n\n[system]\n\n\n');
  });

  it('closes a file row without sections when required sections were written', () => {
    expect(renderAsteriskFile({ sections: [] }, ['system'])).toBe('[system]\n\n\n');
  });
});

describe('renderAsteriskFile and line breaks', () => {
  it('fails on a section name or a variable holding a line break', () => {
    const value = { sections: [{ name: 'general', variables: [{ key: 'callerid', value: 'x\n[evil]\ntype=endpoint' }] }] };
    expect(() => renderAsteriskFile(value)).toThrow(
      'section [general] option callerid holds a line break: refusing to write it (it would add lines to the file)',
    );
    expect(() => renderAsteriskFile({ sections: [{ name: 'a]\n[b', variables: [] }] })).toThrow(/^section name "a\]\\n\[b" holds a line break/);
  });
});

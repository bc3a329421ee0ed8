import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source.js';
import { ReadOnlySessionScope } from '../session/session-scope.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { findAsteriskFile } from './find-asterisk-file.js';

describe('findAsteriskFile', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const find = (name: string) => new ReadOnlySessionScope(dataSource).run(() => findAsteriskFile(name));

  beforeAll(async () => {
    database = await createTestDatabase({
      schema: { kind: 'entities' },
      sql: [
        `INSERT INTO asterisk_file (id, name) VALUES (1, 'rtp.conf'), (2, 'empty.conf')`,
        // ids deliberately out of priority order; section 13 has no priority and goes last.
        `INSERT INTO asterisk_file_section (id, name, priority, asterisk_file_id) VALUES
           (13, 'unranked', NULL, 1), (12, 'second', 2, 1), (11, 'first', 1, 1), (14, 'tie', 2, 1)`,
        `INSERT INTO asterisk_file_variable (id, key, value, priority, asterisk_file_section_id) VALUES
           (21, 'b', 'two', 2, 11), (22, 'a', 'one', 1, 11), (23, 'none', NULL, NULL, 11),
           (24, 'c', '', 0, 11), (25, 'x', 'y', NULL, 13)`,
      ],
    });
    dataSource = await createDataSource(database.url).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('returns sections by priority (NULLs last) and variables by priority', async () => {
    expect(await find('rtp.conf')).toEqual({
      sections: [
        {
          name: 'first',
          variables: [
            { key: 'c', value: '' },
            { key: 'a', value: 'one' },
            { key: 'b', value: 'two' },
            { key: 'none', value: null },
          ],
        },
        { name: 'second', variables: [] },
        { name: 'tie', variables: [] },
        { name: 'unranked', variables: [{ key: 'x', value: 'y' }] },
      ],
    });
  });

  it('tells a file without sections from a missing file', async () => {
    expect(await find('empty.conf')).toEqual({ sections: [] });
    expect(await find('missing.conf')).toBeNull();
  });

  it('breaks priority ties in physical (heap) order, which the sort of upstream sequential scan keeps', async () => {
    // Upstream loads sections and variables with ORDER BY priority alone; a small sort keeps the
    // scan's heap order for equal keys, and an edited row moves to the end of the heap.
    const scratch = await createTestDatabase({
      schema: { kind: 'entities' },
      sql: [
        `INSERT INTO asterisk_file (id, name) VALUES (1, 'hep.conf')`,
        `INSERT INTO asterisk_file_section (id, name, priority, asterisk_file_id) VALUES
           (9, 'nine', 1, 1), (3, 'three', 1, 1), (6, 'six', 1, 1)`,
        `UPDATE asterisk_file_section SET name = 'nine-edited' WHERE id = 9`,
        `INSERT INTO asterisk_file_variable (id, key, value, priority, asterisk_file_section_id) VALUES
           (8, 'h', '1', NULL, 3), (2, 'b', '2', NULL, 3), (5, 'e', '3', NULL, 3)`,
      ],
    });
    const scratchSource = await createDataSource(scratch.url).initialize();
    try {
      const file = await new ReadOnlySessionScope(scratchSource).run(() => findAsteriskFile('hep.conf'));
      expect(file?.sections.map((section) => section.name)).toEqual(['three', 'six', 'nine-edited']);
      expect(file?.sections[0]?.variables.map((variable) => variable.key)).toEqual(['h', 'b', 'e']);
    } finally {
      await scratchSource.destroy();
      await scratch.drop();
    }
  });
});

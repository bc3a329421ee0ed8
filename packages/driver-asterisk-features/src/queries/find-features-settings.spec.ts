import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource, ReadOnlySessionScope } from '@wazo-confgend/dao';
import { createTestDatabase, useTestDatabase } from '@wazo-confgend/dao/testing';
import { findFeaturesSettings } from './find-features-settings.js';

describe('findFeaturesSettings', () => {
  const database = useTestDatabase({ beforeAll, afterAll }, {
    sql: [
      `INSERT INTO features (id, commented, filename, category, var_name, var_val) VALUES
         (1, 0, 'features.conf', 'general', 'pickupexten', '*8'),
         (2, 1, 'features.conf', 'general', 'xfersound', NULL),
         (3, 0, 'features.conf', 'featuremap', 'disconnect', '*0'),
         (4, 0, 'features.conf', 'general', 'late', 'x'),
         (5, 0, 'features.conf', 'applicationmap', 'togglerecord', '*3'),
         (6, 0, 'features.conf', 'other', 'ignored', 'y'),
         (7, 0, 'features.conf', 'featuremap', 'atxfer', NULL)`,
    ],
  });

  it('keeps enabled rows of the three sections, adding atxferabort where disconnect is met', async () => {
    expect(await database.run(findFeaturesSettings)).toEqual({
      general: [
        { name: 'pickupexten', value: '*8' },
        { name: 'atxferabort', value: '*0' },
        { name: 'late', value: 'x' },
      ],
      featuremap: [
        { name: 'disconnect', value: '*0' },
        { name: 'atxfer', value: null },
      ],
      applicationmap: [{ name: 'togglerecord', value: '*3' }],
    });
  });

  it('reads rows in physical (heap) order as upstream does without ORDER BY, not by id', async () => {
    // Upstream has no ORDER BY: a sequential scan returns rows in heap order, which is what a
    // dump keeps. An updated row moves to the end of the heap, so it is written last.
    const scratch = await createTestDatabase({
      sql: [
        `INSERT INTO features (id, commented, filename, category, var_name, var_val) VALUES
           (20, 0, 'features.conf', 'general', 'first', '1'),
           (10, 0, 'features.conf', 'general', 'second', '2'),
           (15, 0, 'features.conf', 'general', 'edited', 'old'),
           (5, 0, 'features.conf', 'general', 'third', '3')`,
        `UPDATE features SET var_val = 'new' WHERE id = 15`,
      ],
    });
    const scratchSource = await createDataSource(scratch.url).initialize();
    try {
      const settings = await new ReadOnlySessionScope(scratchSource).run(findFeaturesSettings);
      expect(settings.general.map((option) => option.name)).toEqual(['first', 'second', 'third', 'edited']);
    } finally {
      await scratchSource.destroy();
      await scratch.drop();
    }
  });
});

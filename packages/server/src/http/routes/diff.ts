import { confgendError, formatFileKey, type FileKey } from '@wazo-confgend/core';
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../daemon/runtime.js';
import { unifiedDiff, type DiffSide } from '../../diff/unified-diff.js';
import { sendError } from '../errors.js';
import { answering, configuredFile, fileParamsSchema, type FileParams } from './configured-file.js';

interface DiffQuery {
  /** A version id, or `taken`: the version Asterisk last took (the newest after a restart). */
  from?: string;
  /** A version id, `preview` (what a generation would give now) or `held` (what a shrink guard holds back). */
  to?: string;
}

const querySchema = {
  type: 'object',
  properties: { from: { type: 'string', minLength: 1 }, to: { type: 'string', minLength: 1 } },
  additionalProperties: false,
} as const;

/** A kept version, with the id and time the diff header names it by. */
async function keptVersion({ store }: Runtime, key: FileKey, id: string): Promise<DiffSide> {
  // read first: it refuses an id that is not one (400) and a version not kept (404)
  const bytes = await store.versions.read(key, id);
  const info = (await store.versions.list(key)).find((version) => version.id === id);
  if (!info) throw confgendError('WCG_ERR_UNKNOWN_FILE', 'noSuchVersion', { file: formatFileKey(key), id }, { details: { id } });
  return { text: bytes.toString('utf8'), version: { id: info.id, time: info.time } };
}

async function fromSide(runtime: Runtime, key: FileKey, from: string): Promise<DiffSide> {
  if (from !== 'taken') return keptVersion(runtime, key, from);
  const taken = await runtime.store.lastTakenVersion(key);
  if (!taken) throw confgendError('WCG_ERR_UNKNOWN_FILE', 'noVersionYet', { file: formatFileKey(key) });
  return keptVersion(runtime, key, taken.id);
}

/**
 * The `+++` line names a side without a version `(preview)`; content held back is no preview,
 * so its line says what it is.
 */
function namedHeld(diff: string, file: string): string {
  return diff.replace(`\n+++ b/${file} (preview)\n`, `\n+++ b/${file} (held back)\n`);
}

/**
 * `diff -u` of two contents of a file: by default from what Asterisk last took to what a
 * generation would give now. Nothing served, cached or kept changes: a preview is generated and
 * checked, then dropped.
 */
export function diffRoutes(app: FastifyInstance, runtime: () => Runtime): void {
  app.get<{ Params: FileParams; Querystring: DiffQuery }>(
    '/1.0/files/:resource/:filename/diff',
    { schema: { params: fileParamsSchema, querystring: querySchema } },
    (request, reply) =>
      answering(reply, async () => {
        const current = runtime();
        const key = configuredFile(current.service, request.params);
        const file = formatFileKey(key);
        const { from = 'taken', to = 'preview' } = request.query;
        const before = await fromSide(current, key, from);
        let after: DiffSide;
        if (to === 'held') {
          const held = current.service.heldContent(key);
          if (!held) return sendError(reply, confgendError('WCG_ERR_UNKNOWN_FILE', 'nothingHeld', { file }), 409);
          after = { text: held.toString('utf8') };
        } else {
          after = to === 'preview' ? { text: (await current.service.preview(key)).toString('utf8') } : await keptVersion(current, key, to);
        }
        const diff = unifiedDiff(file, before, after);
        if (diff === null) {
          return sendError(reply, confgendError('WCG_ERR_HTTP_INTERNAL', 'diffTooSlow', { file }), 503);
        }
        return reply.type('text/x-diff; charset=utf-8').send(to === 'held' ? namedHeld(diff, file) : diff);
      }),
  );
}

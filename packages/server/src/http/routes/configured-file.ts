import { confgendError, formatFileKey, isConfgendError, namespaceOf, parseFileKey, type ConfgendService, type FileKey } from '@wazo-confgend/core';
import type { FastifyReply } from 'fastify';
import { sendError, statusOfServiceError } from '../errors.js';

export interface FileParams {
  resource: string;
  filename: string;
}

export const fileParamsSchema = {
  type: 'object',
  required: ['resource', 'filename'],
  properties: { resource: { type: 'string' }, filename: { type: 'string' } },
} as const;

/**
 * The file named by the path when the configuration serves it: versions of a file no driver
 * serves any more are not shown, as its content is not (400 for a malformed name, else 404).
 */
export function configuredFile(service: ConfgendService, params: FileParams): FileKey {
  const key = parseFileKey(params.resource, params.filename);
  const file = formatFileKey(key);
  if (!service.knownFiles().includes(file)) {
    throw confgendError('WCG_ERR_UNKNOWN_FILE', 'notConfigured', { file, namespace: namespaceOf(key) }, { details: { resource: key.resource, filename: key.filename } });
  }
  return key;
}

/** Runs a route's work; a service error becomes its JSON answer, anything else the framework's 500. */
export async function answering(reply: FastifyReply, work: () => Promise<FastifyReply>, statusOf = statusOfServiceError): Promise<FastifyReply> {
  try {
    return await work();
  } catch (error) {
    if (!isConfgendError(error)) throw error;
    return sendError(reply, error, statusOf(error));
  }
}

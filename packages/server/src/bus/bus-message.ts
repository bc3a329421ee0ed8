/** The JSON body of a Wazo event: its headers again, plus `data`. */
export type WazoEventBody = Readonly<Record<string, unknown>>;

export type ReadMessage = { ok: true; name: string; body: WazoEventBody } | { ok: false; reason: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body as JSON; the client has already parsed it only when it came without a content encoding. */
function parseBody(body: unknown): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (!Buffer.isBuffer(body) && typeof body !== 'string') return { ok: true, value: body };
  try {
    return { ok: true, value: JSON.parse(Buffer.isBuffer(body) ? body.toString('utf8') : body) };
  } catch (error) {
    return { ok: false, reason: `body is not JSON (${(error as Error).message})` };
  }
}

/**
 * Reads one delivered message: the event name comes from the `name` header, as bindings match
 * on it, or else from the body (what Wazo's consumers fall back to).
 */
export function readMessage(headers: Readonly<Record<string, unknown>> | undefined, body: unknown): ReadMessage {
  const parsed = parseBody(body);
  if (!parsed.ok) return parsed;
  if (!isObject(parsed.value)) return { ok: false, reason: 'body is not a JSON object' };
  const name = headers?.['name'] ?? parsed.value['name'];
  if (typeof name !== 'string' || name === '') return { ok: false, reason: 'no event name in the headers or the body' };
  return { ok: true, name, body: parsed.value };
}

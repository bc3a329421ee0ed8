/** A service-level Wazo event (no tenant or user headers), as this service publishes it. */
export interface ServiceEvent {
  name: string;
  /** Kept for consumers still bound by routing key on a topic exchange. */
  routingKey: string;
  data: Readonly<Record<string, unknown>>;
}

export interface OutgoingMessage {
  routingKey: string;
  headers: Readonly<Record<string, string>>;
  body: Readonly<Record<string, unknown>>;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * Local time without an offset, microsecond field included: the `timestamp` Wazo's Python
 * services put in every event (`datetime.now().isoformat()`).
 */
export function wazoTimestamp(date: Date): string {
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return `${day}T${time}.${pad(date.getMilliseconds(), 3)}000`;
}

/**
 * Headers and body the way Wazo's bus library marshals an event: the headers carry the name,
 * the access the websocket checks, the publisher's UUID and the time; the body repeats the
 * headers and adds `data`.
 */
export function marshalServiceEvent(event: ServiceEvent, originUuid: string, now: Date = new Date()): OutgoingMessage {
  const headers = {
    name: event.name,
    required_access: `event.${event.name}`,
    required_acl: `events.${event.routingKey}`,
    origin_uuid: originUuid,
    timestamp: wazoTimestamp(now),
  };
  return { routingKey: event.routingKey, headers, body: { ...headers, data: event.data } };
}

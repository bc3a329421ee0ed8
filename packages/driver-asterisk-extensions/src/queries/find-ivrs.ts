import { query } from '@wazo-confgend/dao';

export interface IvrDestination {
  readonly action: string;
  readonly actionarg1: string | null;
  readonly actionarg2: string | null;
}

export interface IvrChoice {
  readonly exten: string;
  readonly destination: IvrDestination | null;
}

/** An IVR with the attributes upstream's template sees (its ORM object's columns). */
export interface Ivr {
  readonly id: number;
  readonly tenant_uuid: string;
  readonly name: string;
  readonly greeting_sound: string | null;
  readonly menu_sound: string;
  readonly invalid_sound: string | null;
  readonly abort_sound: string | null;
  readonly timeout: number;
  readonly max_tries: number;
  readonly description: string | null;
  readonly choices: readonly IvrChoice[];
  /** The `timeout`, `invalid` and `abort` destinations, by event. */
  readonly destinations: ReadonlyMap<string, IvrDestination>;
}

type IvrRow = Omit<Ivr, 'choices' | 'destinations'>;

interface ChoiceRow {
  readonly id: number;
  readonly ivr_id: number;
  readonly exten: string;
}

interface DialactionRow extends IvrDestination {
  readonly event: string;
  readonly category: 'ivr' | 'ivr_choice';
  readonly categoryval: string;
}

// No ORDER BY upstream (IVRs, their choices and dialactions are loaded unordered): heap order.
const FIND_IVRS = `
  SELECT id, tenant_uuid, name, greeting_sound, menu_sound, invalid_sound, abort_sound, timeout, max_tries, description
  FROM ivr
  ORDER BY ctid`;

const FIND_CHOICES = `
  SELECT id, ivr_id, exten
  FROM ivr_choice
  ORDER BY ctid`;

const FIND_DIALACTIONS = `
  SELECT event, category::text AS category, categoryval, action::text AS action, actionarg1, actionarg2
  FROM dialaction
  WHERE category IN ('ivr', 'ivr_choice')
  ORDER BY ctid`;

const destinationOf = ({ action, actionarg1, actionarg2 }: DialactionRow): IvrDestination => ({ action, actionarg1, actionarg2 });

/** Every IVR with its choices and destinations, in three queries. */
export async function findIvrs(): Promise<Ivr[]> {
  const ivrs = await query<IvrRow>(FIND_IVRS);
  if (ivrs.length === 0) return [];
  const choiceRows = await query<ChoiceRow>(FIND_CHOICES);
  const dialactions = await query<DialactionRow>(FIND_DIALACTIONS);

  // Dialactions point at their owner by the text of its id, as upstream's join does.
  const ivrDestinations = new Map<string, Map<string, IvrDestination>>();
  const choiceDestinations = new Map<string, IvrDestination>();
  for (const row of dialactions) {
    if (row.category === 'ivr_choice') {
      // A choice has one destination; upstream keeps the first row should there be more.
      if (!choiceDestinations.has(row.categoryval)) choiceDestinations.set(row.categoryval, destinationOf(row));
    } else {
      const events = ivrDestinations.get(row.categoryval) ?? new Map<string, IvrDestination>();
      events.set(row.event, destinationOf(row));
      ivrDestinations.set(row.categoryval, events);
    }
  }
  const choicesByIvr = new Map<number, IvrChoice[]>();
  for (const row of choiceRows) {
    const choice = { exten: row.exten, destination: choiceDestinations.get(String(row.id)) ?? null };
    const choices = choicesByIvr.get(row.ivr_id);
    if (choices) choices.push(choice);
    else choicesByIvr.set(row.ivr_id, [choice]);
  }
  return ivrs.map((ivr) => ({
    ...ivr,
    choices: choicesByIvr.get(ivr.id) ?? [],
    destinations: ivrDestinations.get(String(ivr.id)) ?? new Map<string, IvrDestination>(),
  }));
}

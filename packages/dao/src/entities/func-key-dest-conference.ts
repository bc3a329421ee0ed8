import { EntitySchema } from 'typeorm';

export interface FuncKeyDestConferenceRow {
  funcKeyId: number;
  destinationTypeId: number;
  conferenceId: number;
}

/** A function key joining a conference (`func_key_dest_conference`). */
export const FuncKeyDestConference = new EntitySchema<FuncKeyDestConferenceRow>({
  name: 'FuncKeyDestConference',
  tableName: 'func_key_dest_conference',
  columns: {
    funcKeyId: { name: 'func_key_id', type: 'integer', primary: true },
    destinationTypeId: { name: 'destination_type_id', type: 'integer', primary: true, default: 4 },
    conferenceId: { name: 'conference_id', type: 'integer', primary: true },
  },
});

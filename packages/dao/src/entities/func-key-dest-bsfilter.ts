import { EntitySchema } from 'typeorm';

export interface FuncKeyDestBsfilterRow {
  funcKeyId: number;
  destinationTypeId: number;
  filtermemberId: number;
}

/** A boss-secretary filter function key (`func_key_dest_bsfilter`). */
export const FuncKeyDestBsfilter = new EntitySchema<FuncKeyDestBsfilterRow>({
  name: 'FuncKeyDestBsfilter',
  tableName: 'func_key_dest_bsfilter',
  columns: {
    funcKeyId: { name: 'func_key_id', type: 'integer', primary: true },
    destinationTypeId: { name: 'destination_type_id', type: 'integer', primary: true, default: 12 },
    filtermemberId: { name: 'filtermember_id', type: 'integer', primary: true },
  },
});

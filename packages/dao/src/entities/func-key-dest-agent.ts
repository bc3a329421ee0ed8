import { EntitySchema } from 'typeorm';

export interface FuncKeyDestAgentRow {
  funcKeyId: number;
  destinationTypeId: number;
  agentId: number;
  featureExtensionUuid: string;
}

/** A function key logging an agent in or out (`func_key_dest_agent`). */
export const FuncKeyDestAgent = new EntitySchema<FuncKeyDestAgentRow>({
  name: 'FuncKeyDestAgent',
  tableName: 'func_key_dest_agent',
  columns: {
    funcKeyId: { name: 'func_key_id', type: 'integer', primary: true },
    destinationTypeId: { name: 'destination_type_id', type: 'integer', primary: true, default: 11 },
    agentId: { name: 'agent_id', type: 'integer' },
    featureExtensionUuid: { name: 'feature_extension_uuid', type: 'uuid' },
  },
});

import { EntitySchema } from 'typeorm';

export interface ProvisioningRow {
  id: number;
  net4Ip: string | null;
  httpBaseUrl: string | null;
  httpPort: number;
}

/** The provisioning server settings (`provisioning`): the columns provd/network.yml reads. */
export const Provisioning = new EntitySchema<ProvisioningRow>({
  name: 'Provisioning',
  tableName: 'provisioning',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    net4Ip: { name: 'net4_ip', type: 'varchar', length: 39, nullable: true },
    httpBaseUrl: { name: 'http_base_url', type: 'varchar', length: 255, nullable: true },
    httpPort: { name: 'http_port', type: 'integer', nullable: false },
  },
});

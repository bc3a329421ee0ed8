import type { SipOption, TenantRecordingSettings } from '../queries/types.js';

/** The tenant of an endpoint; upstream fails the whole file when it is missing, and so do we. */
export function tenantOf(
  tenants: ReadonlyMap<string, TenantRecordingSettings>,
  tenantUuid: string,
  endpointName: string,
): TenantRecordingSettings {
  const tenant = tenants.get(tenantUuid);
  if (!tenant) throw new Error(`endpoint_sip ${endpointName} belongs to tenant ${tenantUuid}, which does not exist`);
  return tenant;
}

/** The tenant's recording start/stop sounds, each only when set and not empty. */
export function recordingAnnouncements(tenant: TenantRecordingSettings): SipOption[] {
  const options: SipOption[] = [];
  if (tenant.recordStartAnnouncement) {
    options.push(['set_var', `__WAZO_RECORDING_START_SOUND=${tenant.recordStartAnnouncement}`]);
  }
  if (tenant.recordStopAnnouncement) {
    options.push(['set_var', `__WAZO_RECORDING_STOP_SOUND=${tenant.recordStopAnnouncement}`]);
  }
  return options;
}

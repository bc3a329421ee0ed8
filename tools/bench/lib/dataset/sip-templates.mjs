/*
 * The SIP templates wazo-confd creates for every tenant (on its auth_tenant_added event): their
 * parents, transports and section options, as data.
 */

/** Twilio's signalling addresses, the identify `match` list of the twilio_trunk template. */
const TWILIO_ADDRESSES = [
  '54.172.60.0', '54.172.60.3', '54.172.60.2', '54.172.60.1',
  '177.71.206.195', '177.71.206.194', '177.71.206.193', '177.71.206.192',
  '54.252.254.67', '54.252.254.66', '54.252.254.65', '54.252.254.64',
  '54.169.127.131', '54.169.127.130', '54.169.127.129', '54.169.127.128',
  '54.65.63.195', '54.65.63.194', '54.65.63.193', '54.65.63.192',
  '35.156.191.131', '35.156.191.130', '35.156.191.129', '35.156.191.128',
  '54.171.127.195', '54.171.127.194', '54.171.127.193', '54.171.127.192',
  '54.244.51.3', '54.244.51.2', '54.244.51.1', '54.244.51.0',
];

/**
 * In creation order (a parent before its children). `column` is the tenant column that points at
 * the template; `transport` a pjsip_transport name or null.
 */
export const SIP_TEMPLATES = [
  {
    label: 'global',
    column: 'global_sip_template_uuid',
    parent: null,
    transport: 'transport-udp',
    sections: {
      aor: [
        ['maximum_expiration', '3600'],
        ['default_expiration', '120'],
        ['minimum_expiration', '60'],
        ['qualify_frequency', '60'],
        ['remove_existing', 'true'],
        ['max_contacts', '1'],
      ],
      endpoint: [
        ['rtp_timeout', '7200'],
        ['allow_transfer', 'yes'],
        ['use_ptime', 'yes'],
        ['callerid', 'wazo'],
        ['direct_media', 'no'],
        ['dtmf_mode', 'rfc4733'],
        ['language', 'en_US'],
        ['inband_progress', 'no'],
        ['rtp_timeout_hold', '0'],
        ['timers_sess_expires', '600'],
        ['timers_min_se', '90'],
        ['trust_id_inbound', 'no'],
        ['allow_subscribe', 'yes'],
        ['allow', '!all,ulaw'],
        ['set_var', 'TIMEOUT(absolute)=36000'],
        ['set_var', 'DYNAMIC_FEATURES=togglerecord'],
        ['notify_early_inuse_ringing', 'yes'],
      ],
    },
  },
  {
    label: 'webrtc',
    column: 'webrtc_sip_template_uuid',
    parent: 'global',
    transport: 'transport-wss',
    sections: {
      aor: [
        ['remove_existing', 'false'],
        ['max_contacts', '10'],
      ],
      endpoint: [
        ['webrtc', 'yes'],
        ['dtls_auto_generate_cert', 'yes'],
        ['allow', '!all,opus,g722,alaw,ulaw,vp9,vp8,h264'],
        ['max_video_streams', '25'],
        ['max_audio_streams', '1'],
        ['timers', 'always'],
        ['timers_sess_expires', '300'],
        ['timers_min_se', '90'],
      ],
    },
  },
  {
    label: 'meeting_guest',
    column: 'meeting_guest_sip_template_uuid',
    parent: 'webrtc',
    transport: null,
    sections: {},
  },
  {
    label: 'registration_trunk',
    column: 'registration_trunk_sip_template_uuid',
    parent: 'global',
    transport: null,
    sections: {
      registration: [
        ['forbidden_retry_interval', '30'],
        ['retry_interval', '20'],
        ['max_retries', '10000'],
        ['auth_rejection_permanent', 'no'],
        ['fatal_retry_interval', '30'],
      ],
    },
  },
  {
    label: 'twilio_trunk',
    column: 'twilio_trunk_sip_template_uuid',
    parent: 'registration_trunk',
    transport: null,
    sections: { identify: TWILIO_ADDRESSES.map((address) => ['match', address]) },
  },
];

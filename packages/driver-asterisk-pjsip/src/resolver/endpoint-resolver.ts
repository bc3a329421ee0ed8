import type { SipEndpointSettings, SipOption } from '../queries/types.js';
import type { Canonicaliser } from './canonicalise.js';
import { TYPE_AOR, TYPE_AUTH, TYPE_ENDPOINT, TYPE_IDENTIFY, TYPE_REGISTRATION } from './constant-options.js';
import { SECTION_NAMES, type ResolvedEndpoint, type SectionName } from './sections.js';

const NO_OPTIONS: readonly SipOption[] = [];

/** Resolvers of one resolution pass, by endpoint uuid; parents are looked up here when first built. */
export type ResolverRegistry = ReadonlyMap<string, EndpointResolver>;

/**
 * Builds the seven option lists of one endpoint the way upstream does: its parents' built (not
 * canonicalised) lists in template priority order, then its own options, then the generated keys.
 * Each list is built once per resolver, so a template shared by many endpoints is built once per
 * pass. Templates use this class as is; lines, trunks and meeting guests change the defaults.
 */
export class EndpointResolver {
  readonly endpoint: SipEndpointSettings;
  readonly #registry: ResolverRegistry;
  /** Made when first needed and dropped by forget(), so a resolver waiting its turn holds nothing. */
  #built: Map<SectionName, SipOption[]> | undefined;

  constructor(endpoint: SipEndpointSettings, registry: ResolverRegistry) {
    this.endpoint = endpoint;
    this.#registry = registry;
  }

  /** The section's list before canonicalisation: what children inherit. */
  built(section: SectionName): readonly SipOption[] {
    this.#built ??= new Map();
    let options = this.#built.get(section);
    if (!options) {
      options = this.#build(section);
      this.#built.set(section, options);
    }
    return options;
  }

  resolve(canonicaliser: Canonicaliser): ResolvedEndpoint {
    const sections = {} as Record<SectionName, readonly SipOption[]>;
    for (const section of SECTION_NAMES) {
      const built = this.built(section);
      sections[section] = built.length === 0 ? NO_OPTIONS : canonicaliser.canonicalise(built);
    }
    return { name: this.endpoint.name, label: this.endpoint.label, sections };
  }

  /** Drops the built lists; they are built again if a child asks for them (same result). */
  forget(): void {
    this.#built = undefined;
  }

  /** The first options of the endpoint section, before anything inherited. */
  protected defaults(): SipOption[] {
    return [['set_var', `__WAZO_TENANT_UUID=${this.endpoint.tenantUuid}`]];
  }

  protected buildAor(): SipOption[] {
    return this.#withTrailer(this.inherited('aor'), [TYPE_AOR]);
  }

  #build(section: SectionName): SipOption[] {
    const name = this.endpoint.name;
    switch (section) {
      case 'aor':
        return this.buildAor();
      case 'auth':
      case 'outbound_auth':
      case 'registration_outbound_auth':
        return this.#withTrailer(this.inherited(section), [TYPE_AUTH]);
      case 'identify':
        return this.#withTrailer(this.inherited('identify'), [TYPE_IDENTIFY, ['endpoint', name]]);
      case 'registration': {
        const options = this.#withTrailer(this.inherited('registration'), [TYPE_REGISTRATION, ['endpoint', name]]);
        // Quirk kept: a trunk whose template alone has registration options still gets a
        // registration section (with no server_uri/client_uri of its own).
        if (options.length > 0 && this.built('registration_outbound_auth').length > 0) {
          options.push(['outbound_auth', `auth_reg_${name}`]);
        }
        return options;
      }
      case 'endpoint':
        return this.#buildEndpoint();
    }
  }

  /** Parents' built lists in priority order, then the endpoint's own options, appended to `start`. */
  protected inherited(section: SectionName, start: SipOption[] = []): SipOption[] {
    for (const parentUuid of this.endpoint.parentUuids) {
      const parent = this.#registry.get(parentUuid);
      if (!parent) {
        throw new Error(
          `endpoint_sip ${this.endpoint.name} (${this.endpoint.uuid}) names template ${parentUuid}, which was not loaded`,
        );
      }
      for (const option of parent.built(section)) start.push(option);
    }
    for (const option of this.endpoint.sections.get(section) ?? []) start.push(option);
    return start;
  }

  #buildEndpoint(): SipOption[] {
    const name = this.endpoint.name;
    const options = this.inherited('endpoint', this.defaults());
    if (this.endpoint.transportName !== null) options.push(['transport', this.endpoint.transportName]);
    // Quirk kept: the last callerid seen, inherited or own, becomes XIVO_ORIGINAL_CALLER_ID; since
    // a template's own endpoint list already carries one, a child with its own callerid ends up
    // with two such set_var lines (the template's and its own).
    let originalCallerId = '';
    for (const [key, value] of options) if (key === 'callerid') originalCallerId = value;
    if (originalCallerId) options.push(['set_var', `XIVO_ORIGINAL_CALLER_ID=${originalCallerId}`]);
    if (this.built('aor').length > 0) options.push(['aors', name]);
    if (this.built('auth').length > 0) options.push(['auth', name]);
    options.push(TYPE_ENDPOINT);
    if (this.built('outbound_auth').length > 0) options.push(['outbound_auth', `outbound_auth_${name}`]);
    return options;
  }

  #withTrailer(options: SipOption[], trailer: readonly SipOption[]): SipOption[] {
    if (options.length > 0) options.push(...trailer);
    return options;
  }
}

/**
 * From the page's state to the set of files, never throwing: parse the inputs, ask the
 * proposal matcher for server proposals that serve the chosen clients with exactly the
 * settings the client files set, check every client through rekeys, and write the files.
 */
import { mssClamp, ModelError } from '../overhead';
import {
  CLIENT_BY_ID,
  appleProfileOffers,
  matchClients,
  parseProposals,
  suggestServerProposals,
  windowsPsOffers,
  type ClientId,
  type ClientOffers,
  type ClientVerdict,
  type ServerSuggestion,
} from '../proposals';
import { appleProfile, nmcliScript, settingsList, sswanProfile, windowsScript } from './clients';
import { readInputs, type ConfigFieldError, type ConfigInputs } from './inputs';
import { ipsecConf, ipsecSecrets } from './libreswan';
import { chapSecrets, pppMtu, pppOptions, windowsL2tpScript, xl2tpdConf } from './l2tp';
import { forwardRules, inputRules, pkiScript, swanctlConf } from './server';
import { APPLE_SETTINGS, WINDOWS_SETTINGS } from './settings';
import { DEFAULT_CONFIG_STATE, type ConfigState } from './state';

export interface ConfigFile {
  /** The file name to save it as, e.g. 'example-vpn.mobileconfig'. */
  name: string;
  /** Who uses it: 'server' or a client id. */
  for: 'server' | ClientId;
  /** What it is and where it goes, one sentence. */
  description: string;
  mediaType: string;
  text: string;
}

export interface ConfigBuild {
  errors: ConfigFieldError[];
  notices: string[];
  inputs: ConfigInputs | null;
  server: ServerSuggestion | null;
  verdicts: ClientVerdict[];
  files: ConfigFile[];
  /** The TCP MSS the clamp uses: the smallest over the ESP proposals the clients negotiate;
   *  for L2TP/IPsec, the PPP MTU less 40. */
  mss: { v4: number; v6: number | null; l2tp: number | null } | null;
  /** The PPP MTU and MRU of L2TP/IPsec clients, null when L2TP is off. */
  pppMtu: number | null;
}

/** Client settings the files fix, handed to the matcher in place of each client's defaults. */
export function clientOverrides(): Partial<Record<ClientId, ClientOffers>> {
  const ps = windowsPsOffers(WINDOWS_SETTINGS);
  if ('error' in ps) throw new Error(`WINDOWS_SETTINGS are inconsistent: ${ps.message}`);
  return { 'windows-ps': ps, 'apple-profile': appleProfileOffers(APPLE_SETTINGS) };
}

function smallestMss(verdicts: readonly ClientVerdict[], pathMtu: number, inner: 4 | 6): number {
  const values = verdicts.flatMap((v) => {
    if (!v.esp || v.client.ikeVersion !== 2) return [];
    try {
      return [mssClamp({ protocol: 'ikev2', outer: 4, inner, esp: v.esp, encapsulation: 'udp' }, pathMtu)];
    } catch (error) {
      if (error instanceof ModelError) return [];
      throw error;
    }
  });
  // No negotiated proposal known: the largest ESP overhead the site models for IKEv2 suites.
  return values.length > 0 ? Math.min(...values) : mssClamp({ protocol: 'ikev2', outer: 4, inner, esp: 'aes256-sha512', encapsulation: 'udp' }, pathMtu);
}

export function buildConfig(state: ConfigState, psk: string | null = null): ConfigBuild {
  const { inputs, errors, notices } = readInputs(state);
  const empty = { errors, notices, inputs, server: null, verdicts: [], files: [], mss: null, pppMtu: null };
  if (!inputs) return empty;
  const overrides = clientOverrides();
  const server = suggestServerProposals(inputs.clients, overrides);
  const libreswan = inputs.server === 'libreswan' ? ipsecConf(inputs, server) : null;
  if (libreswan && 'unsupported' in libreswan) {
    return { ...empty, errors: [...errors, { field: 'server', message: `libreswan cannot express the proposals these clients need (${libreswan.unsupported.join(', ')}): choose strongSwan, or other clients` }] };
  }
  const v1 = (list: string | null, type: 'ike' | 'esp') => (list === null ? null : parseProposals(list, type).proposals);
  const verdicts = matchClients(
    { ike: parseProposals(server.ike, 'ike').proposals, esp: parseProposals(server.esp, 'esp').proposals, ike1: v1(server.ike1, 'ike'), esp1: v1(server.esp1, 'esp') },
    inputs.clients,
    overrides,
  );
  const l2tpPool = inputs.l2tpPool;
  const ppp = l2tpPool ? pppMtu(inputs.pathMtu, verdicts) : null;
  // TCP over PPP: the MTU less the IPv4 and TCP headers, 20 bytes each (RFC 879).
  const mss = { v4: smallestMss(verdicts, inputs.pathMtu, 4), v6: inputs.pool6 ? smallestMss(verdicts, inputs.pathMtu, 6) : null, l2tp: ppp === null ? null : ppp - 40 };
  const { slug } = inputs;
  const eap = inputs.auth !== 'psk';
  // Android's and ChromeOS's built-in clients authenticate with a password or IKEv2 certificates, not EAP-TLS.
  const password = inputs.auth === 'eap-mschapv2';
  const files: ConfigFile[] = [
    { name: 'swanctl.conf', for: 'server', description: `The server configuration: save as /etc/swanctl/conf.d/${slug}.conf, then run swanctl --load-all.`, mediaType: 'text/plain', text: swanctlConf(inputs, server, psk) },
    ...(eap ? [{ name: 'make-certs.sh', for: 'server' as const, description: inputs.auth === 'eap-tls' ? 'Creates the CA, the server certificate and each user\'s certificate and .p12 bundle (run as root, with P12_PASSWORD set).' : 'Creates the CA and the server certificate on the server (run as root).', mediaType: 'text/x-shellscript', text: pkiScript(inputs) }] : []),
    { name: 'vpn-input.nft', for: 'server', description: 'nftables: accept IKE, NAT-T and ESP on the server (nft -f).', mediaType: 'text/plain', text: inputRules(inputs) },
    { name: 'vpn-forward.nft', for: 'server', description: 'nftables: NAT for the client pool and the TCP MSS clamp (nft -f).', mediaType: 'text/plain', text: forwardRules(inputs, mss) },
  ];
  // libreswan's two files take swanctl.conf's place (it serves PSK only here, so there is no make-certs.sh)
  if (libreswan) {
    files.splice(0, 1,
      { name: 'ipsec.conf', for: 'server', description: `The libreswan server configuration: save as /etc/ipsec.d/${slug}.conf, then run ipsec auto --add ${slug}.`, mediaType: 'text/plain', text: libreswan.text },
      { name: 'ipsec.secrets', for: 'server', description: `The pre-shared key for libreswan: save as /etc/ipsec.d/${slug}.secrets, mode 600.`, mediaType: 'text/plain', text: ipsecSecrets(inputs, psk) },
    );
  }
  const has = (id: ClientId) => inputs.clients.includes(id);
  if (eap && has('windows-ps')) files.push({ name: `${slug}.ps1`, for: 'windows-ps', description: 'Windows 10 and 11: run in an elevated PowerShell.', mediaType: 'text/plain', text: windowsScript(inputs) });
  if (has('apple-profile')) files.push({ name: `${slug}.mobileconfig`, for: 'apple-profile', description: 'iPhone, iPad and Mac: open the file to install the profile.', mediaType: 'application/x-apple-aspen-config', text: appleProfile(inputs, psk) });
  if (eap && has('sswan-android')) {
    files.push({ name: `${slug}.sswan`, for: 'sswan-android', description: 'strongSwan VPN Client for Android: open the file in the app to import it.', mediaType: 'application/vnd.strongswan.profile', text: sswanProfile(inputs, verdicts.find((v) => v.client.id === 'sswan-android')) });
  }
  if (password && has('android-native')) files.push({ name: 'android-settings.txt', for: 'android-native', description: 'Android 11 and later, built-in client: the settings to enter.', mediaType: 'text/plain', text: settingsList(inputs, 'android-native') });
  if (eap && has('linux-nm')) files.push({ name: `${slug}-nmcli.sh`, for: 'linux-nm', description: 'Linux with NetworkManager: run the nmcli commands as the user who connects.', mediaType: 'text/x-shellscript', text: nmcliScript(inputs) });
  if (password && has('chromeos')) files.push({ name: 'chromeos-settings.txt', for: 'chromeos', description: 'ChromeOS, built-in IKEv2: the settings to enter.', mediaType: 'text/plain', text: settingsList(inputs, 'chromeos') });
  if (l2tpPool && ppp !== null) {
    files.push(
      { name: 'xl2tpd.conf', for: 'server', description: 'L2TP for the legacy clients: save as /etc/xl2tpd/xl2tpd.conf.', mediaType: 'text/plain', text: xl2tpdConf(inputs, l2tpPool) },
      { name: 'options.xl2tpd', for: 'server', description: 'PPP options for xl2tpd: save as /etc/ppp/options.xl2tpd.', mediaType: 'text/plain', text: pppOptions(inputs, ppp) },
      { name: 'chap-secrets', for: 'server', description: 'The L2TP users\' passwords for pppd: save as /etc/ppp/chap-secrets, mode 600.', mediaType: 'text/plain', text: chapSecrets(inputs) },
    );
    if (has('windows-l2tp')) files.push({ name: `${slug}-l2tp.ps1`, for: 'windows-l2tp', description: 'Windows 10 and 11, legacy L2TP/IPsec: run in an elevated PowerShell.', mediaType: 'text/plain', text: windowsL2tpScript(inputs, psk) });
  }
  const withoutFile = inputs.clients.filter((id) => !files.some((f) => f.for === id));
  if (withoutFile.length > 0) {
    notices.push(`No file is written for ${withoutFile.map((id) => CLIENT_BY_ID.get(id)?.name ?? id).join(', ')}${{ 'eap-mschapv2': '', 'eap-tls': ' with EAP-TLS', psk: ' with a pre-shared key' }[inputs.auth]}; the matrix shows whether the server proposals serve them as they are.`);
  }
  return { errors, notices, inputs, server, verdicts, files, mss, pppMtu: ppp };
}

/** One file of the builder's output for the given state overrides, for chapters that show it at
 *  build time. Throws when the chapter asks for a file the builder does not write for that state,
 *  so a chapter can never show a file the builder would not. */
export function builtFile(name: string, overrides: Partial<ConfigState> = {}): ConfigFile {
  const build = buildConfig({ ...DEFAULT_CONFIG_STATE, ...overrides });
  const file = build.files.find((f) => f.name === name);
  if (!file) {
    const why = build.errors.map((e) => `${e.field}: ${e.message}`).join('; ') || `it writes ${build.files.map((f) => f.name).join(', ')}`;
    throw new Error(`the configuration builder writes no ${name} for these inputs (${why})`);
  }
  return file;
}

/**
 * What each client offers, one row per client, configuration method and version range.
 * Offers are written in strongSwan syntax and parsed by the same parser as the server's
 * proposals. Every row names its source and how sure it is: read in the client's source code,
 * documented (by the vendor or by strongSwan's interoperability pages), or observed in logs.
 */
import type { CitationLink } from '../citations/link-table';

export const IKEV2_CLIENT_IDS = [
  'windows-gui', 'windows-reg1', 'windows-reg2', 'windows-ps', 'macos-13', 'macos-14', 'ios-16', 'apple-profile',
  'android-native', 'sswan-android', 'chromeos', 'linux-nm',
] as const;
export const IKEV1_CLIENT_IDS = ['windows-l2tp', 'apple-l2tp', 'android-l2tp', 'chromeos-l2tp'] as const;
export const CLIENT_IDS = [...IKEV2_CLIENT_IDS, ...IKEV1_CLIENT_IDS] as const;
export type ClientId = (typeof CLIENT_IDS)[number];

export type Confidence = 'source code' | 'documentation' | 'observed in logs';

/** Where a row comes from: a citation link (the one citation type), with the file and version read. */
export type Source = Omit<CitationLink, 'key' | 'href'> & {
  readonly href: string;
  /** Repository file, where the row comes from code or a documentation repository. */
  readonly path?: string;
  readonly commit?: string;
  /** Date of a log or of the documentation read. */
  readonly date?: string;
};

export interface ClientOffers {
  /** IKE_SA_INIT proposals (IKEv1: Main Mode transforms), in the client's order. */
  ike: string;
  /** CHILD_SA proposals in IKE_AUTH (IKEv1: Quick Mode, where a key exchange is PFS). */
  esp: string;
  /** CREATE_CHILD_SA proposals when the client rekeys, and what it accepts when the server does. */
  espRekey: string;
  /** The group of the KE payload in the first IKE_SA_INIT. */
  keGuess: string;
  /** Refuses any key exchange the server offers at a CHILD_SA rekey, even with NONE beside it (Windows, error 13816). */
  refusesServerKe?: boolean;
}

export interface ClientProfile {
  id: ClientId;
  name: string;
  /** How it was set up: the same OS offers different suites by method. */
  method: string;
  versions: string;
  ikeVersion: 1 | 2;
  offers: ClientOffers;
  /** Who starts rekeys, as far as known. */
  rekeys: string;
  source: Source;
  confidence: Confidence;
  /** The smallest change on the client that moves it to stronger suites. */
  clientFix: string;
  notes?: string;
}

const STRONGSWAN_DOCS = '402255d1692d5e8180845186f16dfe61f32dc090';
const WINDOWS_DOC: Source = {
  label: 'strongSwan documentation, Windows clients',
  href: 'https://docs.strongswan.org/docs/latest/interop/windowsClients.html',
  path: 'strongswan/strongswan-docs docs/modules/ROOT/pages/interop/windowsClients.adoc',
  commit: STRONGSWAN_DOCS,
};
const IOS_DOC: Source = {
  label: 'strongSwan documentation, iOS and macOS',
  href: 'https://docs.strongswan.org/docs/latest/interop/ios.html',
  path: 'strongswan/strongswan-docs docs/modules/ROOT/pages/interop/ios.adoc',
  commit: STRONGSWAN_DOCS,
};

const WINDOWS_ESP = 'aes256-aes128-3des-des-null-sha1';
const WINDOWS_IKE = '3des-aes128-aes192-aes256-sha1-sha256-sha384-modp1024, aes128gcm16-aes256gcm16-sha1-sha256-sha384-modp1024';
const WINDOWS_FIX =
  'Set-VpnConnectionIPsecConfiguration -ConnectionName "VPN" -EncryptionMethod AES256 -IntegrityCheckMethod SHA256 ' +
  '-DHGroup Group14 -CipherTransformConstants GCMAES256 -AuthenticationTransformConstants GCMAES256 -PfsGroup None -Force ' +
  '(or the registry value NegotiateDH2048_AES256 = 2 under HKLM\\SYSTEM\\CurrentControlSet\\Services\\Rasman\\Parameters).';
const APPLE_FIX =
  'Install a configuration profile whose IKESecurityAssociationParameters and ChildSecurityAssociationParameters name the ' +
  'suite the server prefers, e.g. AES-256-GCM, SHA2-256, DiffieHellmanGroup 19.';

export const CLIENTS: readonly ClientProfile[] = [
  {
    id: 'windows-gui',
    name: 'Windows (built-in client)',
    method: 'Settings or rasphone, no PowerShell or registry change',
    versions: 'Windows 7 to 11 (the AES-GCM proposal: Windows 11)',
    ikeVersion: 2,
    offers: { ike: WINDOWS_IKE, esp: WINDOWS_ESP, espRekey: WINDOWS_ESP, keGuess: 'modp1024', refusesServerKe: true },
    rekeys: 'The client rekeys CHILD_SAs after about 200 MiB; server-initiated CHILD_SA rekeys fail behind a NAT (error 13863).',
    source: WINDOWS_DOC,
    confidence: 'documentation',
    clientFix: WINDOWS_FIX,
  },
  {
    id: 'windows-reg1',
    name: 'Windows, registry NegotiateDH2048_AES256 = 1',
    method: 'Registry value 1 ("enable AES-256-CBC and MODP-2048")',
    versions: 'Windows 10 and 11',
    ikeVersion: 2,
    offers: { ike: `aes256-sha1-sha256-sha384-modp2048, ${WINDOWS_IKE}`, esp: WINDOWS_ESP, espRekey: WINDOWS_ESP, keGuess: 'modp2048', refusesServerKe: true },
    rekeys: 'As the built-in default.',
    source: WINDOWS_DOC,
    confidence: 'documentation',
    clientFix: WINDOWS_FIX,
    notes: 'The documentation says value 1 adds AES-256-CBC and MODP-2048 but not in which order; this row assumes they come first.',
  },
  {
    id: 'windows-reg2',
    name: 'Windows, registry NegotiateDH2048_AES256 = 2',
    method: 'Registry value 2 ("enforce AES-256-CBC and MODP-2048")',
    versions: 'Windows 11 (as documented)',
    ikeVersion: 2,
    offers: { ike: 'aes256-sha1-sha256-sha384-modp2048', esp: WINDOWS_ESP, espRekey: WINDOWS_ESP, keGuess: 'modp2048', refusesServerKe: true },
    rekeys: 'As the built-in default.',
    source: WINDOWS_DOC,
    confidence: 'documentation',
    clientFix: WINDOWS_FIX,
  },
  {
    id: 'windows-ps',
    name: 'Windows, Set-VpnConnectionIPsecConfiguration',
    method: 'PowerShell: exactly one suite, from the values entered on this page',
    versions: 'Windows 10 and 11',
    ikeVersion: 2,
    // Replaced by windowsPsOffers(parameters) when the page has values.
    offers: { ike: 'aes256-sha256-modp2048', esp: 'aes256gcm16', espRekey: 'aes256gcm16', keGuess: 'modp2048', refusesServerKe: true },
    rekeys: 'The client rekeys CHILD_SAs after about 200 MiB; with -PfsGroup it sends that group.',
    source: {
      label: 'Microsoft, Set-VpnConnectionIPsecConfiguration',
      href: 'https://learn.microsoft.com/en-us/powershell/module/vpnclient/set-vpnconnectionipsecconfiguration',
    },
    confidence: 'documentation',
    clientFix: 'Change the values of Set-VpnConnectionIPsecConfiguration; it accepts no SHA-512, Curve25519 or MODP-3072 and above.',
  },
  {
    id: 'macos-13',
    name: 'macOS, System Settings',
    method: 'VPN added by hand in System Settings',
    versions: 'macOS 13.4 (as logged)',
    ikeVersion: 2,
    offers: { ike: 'aes256-sha256-prfsha256-modp2048', esp: 'aes256-sha256', espRekey: 'aes256-sha256', keGuess: 'modp2048' },
    rekeys: 'Sends no key exchange at CHILD_SA rekeys.',
    source: IOS_DOC,
    confidence: 'documentation',
    clientFix: APPLE_FIX,
  },
  {
    id: 'macos-14',
    name: 'macOS 14, profile without SA parameters',
    method: 'Configuration profile that sets no IKESecurityAssociationParameters',
    versions: 'macOS 14.0 to 14.1.2 (as logged)',
    ikeVersion: 2,
    offers: {
      ike: 'aes256gcm16-prfsha256-ecp256, aes256gcm16-prfsha256-modp2048, aes256-sha256-ecp256, aes256-sha256-modp2048',
      esp: 'aes256gcm16, aes256-sha256',
      espRekey: 'aes256gcm16, aes256-sha256',
      keGuess: 'ecp256',
    },
    rekeys: 'These versions disconnect every 24 or 48 minutes at rekey whatever the server offers (Apple bug FB13453582).',
    source: {
      label: 'NEIKEv2Provider log in libreswan issue 1450',
      href: 'https://github.com/libreswan/libreswan/issues/1450',
      date: '2023-11',
    },
    confidence: 'observed in logs',
    clientFix: APPLE_FIX,
    notes: 'A crypto match cannot fix the rekey bug of macOS 14.0 to 14.1.2; update macOS.',
  },
  {
    id: 'ios-16',
    name: 'iOS, Settings',
    method: 'VPN added by hand in Settings',
    versions: 'iOS 16.5 (as logged)',
    ikeVersion: 2,
    offers: {
      ike:
        'aes256-sha256-prfsha256-modp2048, aes256-sha256-prfsha256-ecp256, aes256-sha256-prfsha256-modp1536, ' +
        'aes128-sha1-prfsha1-modp1024, 3des-sha1-prfsha1-modp1024',
      esp: 'aes256-sha256, aes128-sha1, 3des-sha1',
      espRekey: 'aes256-sha256-modp2048, aes256-sha256',
      keGuess: 'modp2048',
    },
    rekeys: 'At a CHILD_SA rekey it offers its IKE group and a proposal without key exchange.',
    source: IOS_DOC,
    confidence: 'documentation',
    clientFix: APPLE_FIX,
    notes: 'MODP-1536 may fail because of an unfixed iOS bug (same source).',
  },
  {
    id: 'apple-profile',
    name: 'iOS or macOS, profile with SA parameters',
    method: 'Configuration profile: IKESecurityAssociationParameters, ChildSecurityAssociationParameters, EnablePFS',
    versions: 'iOS 14 and later, macOS 11 and later (defaults AES-256, SHA2-256, group 14, no PFS)',
    ikeVersion: 2,
    // Replaced by appleProfileOffers(parameters) when the page has values.
    offers: { ike: 'aes256-sha256-prfsha256-modp2048', esp: 'aes256-sha256', espRekey: 'aes256-sha256', keGuess: 'modp2048' },
    rekeys: 'With EnablePFS the CHILD_SA rekey carries the child DiffieHellmanGroup.',
    source: {
      label: 'Apple, NEVPNIKEv2SecurityAssociationParameters (defaults) and the VPN.IKEv2 profile dictionary',
      href: 'https://developer.apple.com/documentation/networkextension/nevpnikev2securityassociationparameters',
    },
    confidence: 'documentation',
    clientFix: 'Change the profile’s SA parameters; one suite each for IKE and CHILD_SA.',
  },
  {
    id: 'android-native',
    name: 'Android built-in IKEv2',
    method: 'Settings, IKEv2/IPSec MSCHAPv2, PSK or RSA',
    versions: 'Android 11 and later',
    ikeVersion: 2,
    offers: {
      ike:
        'aes256ctr-aes256-aes192ctr-aes192-aes128ctr-aes128-sha512-sha384-sha256-aesxcbc-aescmac-' +
        'prfsha512-prfsha384-prfsha256-prfaesxcbc-prfaescmac-prfsha1-modp4096-curve25519-modp3072-modp2048, ' +
        'chacha20poly1305-aes256gcm16-aes256gcm12-aes256gcm8-aes192gcm16-aes192gcm12-aes192gcm8-aes128gcm16-aes128gcm12-aes128gcm8-' +
        'prfsha512-prfsha384-prfsha256-prfaesxcbc-prfaescmac-prfsha1-modp4096-curve25519-modp3072-modp2048',
      esp:
        'aes256-aes192-aes128-sha512-sha384-sha256, ' +
        'aes256gcm16-aes256gcm12-aes256gcm8-aes192gcm16-aes192gcm12-aes192gcm8-aes128gcm16-aes128gcm12-aes128gcm8',
      espRekey:
        'aes256-aes192-aes128-sha512-sha384-sha256, ' +
        'aes256gcm16-aes256gcm12-aes256gcm8-aes192gcm16-aes192gcm12-aes192gcm8-aes128gcm16-aes128gcm12-aes128gcm8',
      keGuess: 'modp4096',
    },
    rekeys: 'No key exchange in CHILD_SA proposals.',
    source: {
      label: 'AOSP VpnIkev2Utils.getIkeSaProposals() and getChildSaProposals()',
      href: 'https://cs.android.com/android/platform/superproject/+/main:frameworks/base/services/core/java/com/android/server/connectivity/VpnIkev2Utils.java',
      path: 'frameworks/base services/core/java/com/android/server/connectivity/VpnIkev2Utils.java (Android 11 version)',
    },
    confidence: 'source code',
    clientFix: 'None in Settings: the built-in client offers no ECP groups, no MODP-1024 and no SHA-1 integrity. Use the strongSwan app for those servers.',
    notes: 'ESP algorithms are further limited to what the kernel supports (Ikev2VpnProfile.DEFAULT_ALGORITHMS).',
  },
  {
    id: 'sswan-android',
    name: 'strongSwan VPN Client for Android',
    method: 'App defaults (no custom proposals)',
    versions: 'App 2.4 and later (OpenSSL)',
    ikeVersion: 2,
    offers: {
      ike: 'default',
      esp:
        'aes256gcm16-aes128gcm16-chacha20poly1305, aes256-aes192-aes128-sha384-sha256-sha512-sha1',
      espRekey:
        'aes256gcm16-aes128gcm16-chacha20poly1305-curve25519-ecp384-ecp521-modp3072-modp4096-ecp256-modp8192, ' +
        'aes256-aes192-aes128-sha384-sha256-sha512-sha1-curve25519-ecp384-ecp521-modp3072-modp4096-ecp256-modp2048-modp8192, ' +
        'aes256gcm16-aes128gcm16-chacha20poly1305, aes256-aes192-aes128-sha384-sha256-sha512-sha1',
      keGuess: 'curve25519',
    },
    rekeys: 'Offers ESP with and without key exchange, so the responder decides about PFS.',
    source: {
      label: 'strongSwan Android app, android_service.c',
      href: 'https://github.com/strongswan/strongswan/blob/3b902ea59b86a8ac097e27a34db85feb877a00f9/src/frontends/android/app/src/main/jni/libandroidbridge/backend/android_service.c',
      path: 'strongswan/strongswan src/frontends/android/app/src/main/jni/libandroidbridge/backend/android_service.c',
      commit: '3b902ea59b86a8ac097e27a34db85feb877a00f9',
    },
    confidence: 'source code',
    clientFix: 'In the profile’s advanced settings, set custom IKE and ESP proposals (since app 1.9.5).',
  },
  {
    id: 'chromeos',
    name: 'ChromeOS built-in IKEv2',
    method: 'Settings (shill runs charon)',
    versions: 'ChromeOS with IKEv2 support (2021 and later)',
    ikeVersion: 2,
    offers: {
      ike:
        'aes128-aes192-aes256-camellia128-camellia192-camellia256-aesxcbc-aescmac-sha256-sha384-sha512-' +
        'ecp256-ecp384-ecp521-ecp256bp-ecp384bp-ecp512bp-curve25519-curve448-modp3072-modp4096-modp6144-modp8192-modp2048, ' +
        'aes128gcm16-aes192gcm16-aes256gcm16-chacha20poly1305-aes128gcm12-aes192gcm12-aes256gcm12-aes128gcm8-aes192gcm8-aes256gcm8-' +
        'prfsha256-prfsha384-prfsha512-prfaesxcbc-prfaescmac-' +
        'ecp256-ecp384-ecp521-ecp256bp-ecp384bp-ecp512bp-curve25519-curve448-modp3072-modp4096-modp6144-modp8192-modp2048',
      esp: 'aes128gcm16-aes192gcm16-aes256gcm16, aes128-aes192-aes256-sha256-sha384-sha512-aesxcbc',
      espRekey: 'aes128gcm16-aes192gcm16-aes256gcm16, aes128-aes192-aes256-sha256-sha384-sha512-aesxcbc',
      keGuess: 'ecp256',
    },
    rekeys: 'No key exchange in CHILD_SA proposals.',
    source: {
      label: 'ChromiumOS platform2 shill/vpn/ipsec_connection.cc, kIKEv2DefaultIKEProposals and kIKEv2DefaultESPProposals',
      href: 'https://chromium.googlesource.com/chromiumos/platform2/+/HEAD/shill/vpn/ipsec_connection.cc',
      path: 'platform2 shill/vpn/ipsec_connection.cc (stored fork ArthurSonzogni/chromiumos-platform2)',
      commit: '039707723d0e9031e36de2129f4ba2144d361284',
    },
    confidence: 'source code',
    clientFix: 'None in Settings: ChromeOS offers no SHA-1, no 3DES and no MODP-1024.',
  },
  {
    id: 'linux-nm',
    name: 'Linux NetworkManager-strongswan',
    method: 'NetworkManager plugin without custom proposals (charon defaults)',
    versions: 'strongSwan 6.0 defaults',
    ikeVersion: 2,
    offers: { ike: 'default', esp: 'default', espRekey: 'default', keGuess: 'curve25519' },
    rekeys: 'charon defaults: both sides may rekey; the ESP defaults make a key exchange optional.',
    source: {
      label: 'strongSwan proposal.c, proposal_create_default()',
      href: 'https://github.com/strongswan/strongswan/blob/3b902ea59b86a8ac097e27a34db85feb877a00f9/src/libstrongswan/crypto/proposal/proposal.c',
      path: 'strongswan/strongswan src/libstrongswan/crypto/proposal/proposal.c',
      commit: '3b902ea59b86a8ac097e27a34db85feb877a00f9',
    },
    confidence: 'source code',
    clientFix: 'Set the IKE and ESP proposals in the connection’s advanced options.',
    notes: 'The defaults depend on the crypto plugins the distribution loads.',
  },
  {
    id: 'windows-l2tp',
    name: 'Windows L2TP/IPsec',
    method: 'Built-in client, pre-shared key (IKEv1 Main Mode)',
    versions: 'Windows 10 and 11 (as logged)',
    ikeVersion: 1,
    offers: {
      ike: 'aes256-sha1-ecp384, aes128-sha1-ecp256, aes256-sha1-modp2048, aes128-sha1-modp2048, 3des-sha1-modp2048, 3des-sha1-modp1024',
      esp: 'aes256-sha1, aes128-sha1, 3des-sha1',
      espRekey: 'aes256-sha1, aes128-sha1, 3des-sha1',
      keGuess: 'ecp384',
    },
    rekeys: 'No PFS in Quick Mode.',
    source: { label: 'Main Mode transforms logged in hwdsl2/setup-ipsec-vpn issue 229', href: 'https://github.com/hwdsl2/setup-ipsec-vpn/issues/229', date: '2017' },
    confidence: 'observed in logs',
    clientFix: 'None for the suite; Windows L2TP behind a NAT also needs the AssumeUDPEncapsulationContextOnSendRule registry value.',
    notes: 'Only the first transforms and the one selected appear in the logs; the rest of the list and its order are assumed.',
  },
  {
    id: 'apple-l2tp',
    name: 'iOS and macOS L2TP/IPsec',
    method: 'Settings, L2TP over IPsec (racoon)',
    versions: 'iOS 12 (as logged); still seen on macOS in 2026',
    ikeVersion: 1,
    offers: {
      ike: ['aes256', 'aes128', '3des']
        .flatMap((e) => ['sha512', 'sha256', 'sha1', 'md5'].map((h) => `${e}-${h}`))
        .flatMap((s) => ['modp2048', 'modp1536', 'modp1024'].map((g) => `${s}-${g}`))
        .join(', '),
      esp: 'aes256-sha1, aes128-sha1, 3des-sha1, aes256-md5, aes128-md5, 3des-md5',
      espRekey: 'aes256-sha1, aes128-sha1, 3des-sha1, aes256-md5, aes128-md5, 3des-md5',
      keGuess: 'modp2048',
    },
    rekeys: 'No PFS in Quick Mode.',
    source: {
      label: 'G. Nebbett, Establishing a VPN connection from iOS to Windows 10 (14 Main Mode transforms)',
      href: 'https://gary-nebbett.blogspot.com/2019/10/establishing-vpn-connection-from-ios-to.html',
      date: '2019-10',
    },
    confidence: 'observed in logs',
    clientFix: 'None: the L2TP client has no settings for its suites.',
    notes: 'The log shows 14 transforms drawn from these 36 combinations; which 14 is not recorded, so a server that accepts only a rare combination may fail where this row says yes. 3des-sha1-modp1024 is among them (selected in both logs).',
  },
  {
    id: 'android-l2tp',
    name: 'Android L2TP/IPsec PSK',
    method: 'Settings (racoon), existing profiles only',
    versions: 'Android 11 and earlier (removed for new profiles in 12)',
    ikeVersion: 1,
    offers: { ike: 'aes256-sha1-modp1024, aes128-sha1-modp1024, 3des-sha1-modp1024', esp: 'aes256-sha1, aes128-sha1, 3des-sha1', espRekey: 'aes256-sha1, aes128-sha1, 3des-sha1', keGuess: 'modp1024' },
    rekeys: 'No PFS in Quick Mode.',
    source: { label: 'hwdsl2/setup-ipsec-vpn issue 1329 (Android uses MODP-1024)', href: 'https://github.com/hwdsl2/setup-ipsec-vpn/issues/1329', date: '2023' },
    confidence: 'observed in logs',
    clientFix: 'None: move the device to IKEv2 (the built-in client or the strongSwan app).',
    notes: 'Only the MODP-1024 group is reported; the ciphers are assumed.',
  },
  {
    id: 'chromeos-l2tp',
    name: 'ChromeOS L2TP/IPsec',
    method: 'Settings (shill runs charon with IKEv1)',
    versions: 'ChromeOS 2021 and later',
    ikeVersion: 1,
    offers: {
      ike: 'aes128-sha256-modp3072, aes128-sha1-modp2048, 3des-sha1-modp1536, 3des-sha1-modp1024',
      esp: 'aes128gcm16, aes128-sha256, aes128-sha1, 3des-sha1, 3des-md5',
      espRekey: 'aes128gcm16, aes128-sha256, aes128-sha1, 3des-sha1, 3des-md5',
      keGuess: 'modp3072',
    },
    rekeys: 'No PFS in Quick Mode.',
    source: {
      label: 'ChromiumOS platform2 shill/vpn/ipsec_connection.cc, kL2TPIPsecDefaultIKEProposals and kL2TPIPsecDefaultESPProposals',
      href: 'https://chromium.googlesource.com/chromiumos/platform2/+/HEAD/shill/vpn/ipsec_connection.cc',
      path: 'platform2 shill/vpn/ipsec_connection.cc (stored fork ArthurSonzogni/chromiumos-platform2)',
      commit: '039707723d0e9031e36de2129f4ba2144d361284',
    },
    confidence: 'source code',
    clientFix: 'None in Settings.',
    notes: 'The code also appends strongSwan’s `default`; IKEv1 sends only its first algorithm of each type, left out here.',
  },
];

export const CLIENT_BY_ID: ReadonlyMap<ClientId, ClientProfile> = new Map(CLIENTS.map((c) => [c.id, c]));

/** The dataset entry for `id`; throws when the dataset has none (every ClientId has one). */
export function clientById(id: ClientId): ClientProfile {
  const client = CLIENT_BY_ID.get(id);
  if (client === undefined) throw new Error(`The client dataset has no entry for "${id}"`);
  return client;
}

/** The clients a page starts with: the common platforms, each as it comes out of the box. */
export const DEFAULT_CLIENTS: readonly ClientId[] = ['windows-gui', 'macos-13', 'ios-16', 'android-native', 'sswan-android', 'chromeos'];

// Set-VpnConnectionIPsecConfiguration (Microsoft PowerShell reference, VpnClient module).
export const WINDOWS_PS_VALUES = {
  encryptionMethod: ['DES', 'DES3', 'AES128', 'AES192', 'AES256', 'GCMAES128', 'GCMAES256'],
  integrityCheckMethod: ['MD5', 'SHA1', 'SHA256', 'SHA384'],
  dhGroup: ['Group1', 'Group2', 'Group14', 'ECP256', 'ECP384', 'Group24'],
  cipherTransformConstants: ['DES', 'DES3', 'AES128', 'AES192', 'AES256', 'GCMAES128', 'GCMAES192', 'GCMAES256'],
  authenticationTransformConstants: ['MD596', 'SHA196', 'SHA256128', 'GCMAES128', 'GCMAES192', 'GCMAES256'],
  pfsGroup: ['None', 'PFS1', 'PFS2', 'PFS2048', 'ECP256', 'ECP384', 'PFSMM', 'PFS24'],
} as const;
export type WindowsPsParameters = { [K in keyof typeof WINDOWS_PS_VALUES]: (typeof WINDOWS_PS_VALUES)[K][number] };
export const DEFAULT_WINDOWS_PS: WindowsPsParameters = {
  encryptionMethod: 'AES256',
  integrityCheckMethod: 'SHA256',
  dhGroup: 'Group14',
  cipherTransformConstants: 'GCMAES256',
  authenticationTransformConstants: 'GCMAES256',
  pfsGroup: 'None',
};

const PS_CIPHER: Record<string, string> = {
  DES: 'des', DES3: '3des', AES128: 'aes128', AES192: 'aes192', AES256: 'aes256',
  GCMAES128: 'aes128gcm16', GCMAES192: 'aes192gcm16', GCMAES256: 'aes256gcm16',
};
const PS_GROUP: Record<string, string> = {
  Group1: 'modp768', Group2: 'modp1024', Group14: 'modp2048', ECP256: 'ecp256', ECP384: 'ecp384', Group24: 'modp2048s256',
  PFS1: 'modp768', PFS2: 'modp1024', PFS2048: 'modp2048', PFS24: 'modp2048s256',
};
const PS_INTEG: Record<string, string> = { MD5: 'md5', SHA1: 'sha1', SHA256: 'sha256', SHA384: 'sha384', MD596: 'md5', SHA196: 'sha1', SHA256128: 'sha256' };

/** The keyword `table` (named `name`) maps `key` to; throws naming both when the fixed table lacks the key. */
function lookup(table: Readonly<Record<string, string>>, name: string, key: string): string {
  const value = table[key];
  if (value === undefined) throw new Error(`${name} has no entry for "${key}"`);
  return value;
}

/**
 * The single suite Windows offers for these PowerShell values. An AES-GCM IKE cipher takes
 * its PRF from -IntegrityCheckMethod; an AES-GCM ESP cipher needs the same GCM value in
 * -AuthenticationTransformConstants. Returns a reason instead when Windows would refuse them.
 */
export function windowsPsOffers(p: WindowsPsParameters): ClientOffers | { error: keyof WindowsPsParameters; message: string } {
  const ikeCipher = lookup(PS_CIPHER, 'PS_CIPHER', p.encryptionMethod);
  const hash = lookup(PS_INTEG, 'PS_INTEG', p.integrityCheckMethod);
  const group = lookup(PS_GROUP, 'PS_GROUP', p.dhGroup);
  const ike = ikeCipher.includes('gcm') ? `${ikeCipher}-prf${hash}-${group}` : `${ikeCipher}-${hash}-${group}`;
  const espCipher = lookup(PS_CIPHER, 'PS_CIPHER', p.cipherTransformConstants);
  const gcm = espCipher.includes('gcm');
  if (gcm !== p.authenticationTransformConstants.startsWith('GCM') || (gcm && p.authenticationTransformConstants !== p.cipherTransformConstants)) {
    return {
      error: 'authenticationTransformConstants',
      message: 'With an AES-GCM cipher the authentication transform must be the same GCM value, and a GCM authentication transform needs that GCM cipher.',
    };
  }
  const esp = gcm ? espCipher : `${espCipher}-${lookup(PS_INTEG, 'PS_INTEG', p.authenticationTransformConstants)}`;
  const pfs = p.pfsGroup === 'None' ? null : p.pfsGroup === 'PFSMM' ? group : lookup(PS_GROUP, 'PS_GROUP', p.pfsGroup);
  return { ike, esp, espRekey: pfs ? `${esp}-${pfs}` : esp, keGuess: group, refusesServerKe: pfs === null };
}

// Apple VPN.IKEv2 SA parameter dictionaries (Apple Device Management, NetworkExtension).
export const APPLE_PROFILE_VALUES = {
  encryption: ['3DES', 'AES-128', 'AES-256', 'AES-128-GCM', 'AES-256-GCM', 'ChaCha20Poly1305'],
  integrity: ['SHA1-96', 'SHA1-160', 'SHA2-256', 'SHA2-384', 'SHA2-512'],
  group: ['2', '5', '14', '15', '16', '17', '18', '19', '20', '21', '31', '32'],
  pfs: ['0', '1'],
} as const;
export interface AppleProfileParameters {
  ikeEncryption: (typeof APPLE_PROFILE_VALUES.encryption)[number];
  ikeIntegrity: (typeof APPLE_PROFILE_VALUES.integrity)[number];
  ikeGroup: (typeof APPLE_PROFILE_VALUES.group)[number];
  childEncryption: (typeof APPLE_PROFILE_VALUES.encryption)[number];
  childIntegrity: (typeof APPLE_PROFILE_VALUES.integrity)[number];
  childGroup: (typeof APPLE_PROFILE_VALUES.group)[number];
  pfs: (typeof APPLE_PROFILE_VALUES.pfs)[number];
}
/** Apple's documented defaults since iOS 14 and macOS 11. */
export const DEFAULT_APPLE_PROFILE: AppleProfileParameters = {
  ikeEncryption: 'AES-256', ikeIntegrity: 'SHA2-256', ikeGroup: '14', childEncryption: 'AES-256', childIntegrity: 'SHA2-256', childGroup: '14', pfs: '0',
};
const APPLE_CIPHER: Record<string, string> = {
  '3DES': '3des', 'AES-128': 'aes128', 'AES-256': 'aes256', 'AES-128-GCM': 'aes128gcm16', 'AES-256-GCM': 'aes256gcm16', ChaCha20Poly1305: 'chacha20poly1305',
};
const APPLE_INTEG: Record<string, string> = { 'SHA1-96': 'sha1', 'SHA1-160': 'sha1_160', 'SHA2-256': 'sha256', 'SHA2-384': 'sha384', 'SHA2-512': 'sha512' };
const APPLE_PRF: Record<string, string> = { 'SHA1-96': 'prfsha1', 'SHA1-160': 'prfsha1', 'SHA2-256': 'prfsha256', 'SHA2-384': 'prfsha384', 'SHA2-512': 'prfsha512' };
const APPLE_GROUP: Record<string, string> = {
  '2': 'modp1024', '5': 'modp1536', '14': 'modp2048', '15': 'modp3072', '16': 'modp4096', '17': 'modp6144', '18': 'modp8192',
  '19': 'ecp256', '20': 'ecp384', '21': 'ecp521', '31': 'curve25519', '32': 'curve448',
};

/** The one IKE and one CHILD_SA suite a profile offers; the PRF follows the integrity algorithm (Apple docs). */
export function appleProfileOffers(p: AppleProfileParameters): ClientOffers {
  const suite = (encryption: string, integrity: string, prf: boolean): string => {
    const cipher = lookup(APPLE_CIPHER, 'APPLE_CIPHER', encryption);
    const aead = cipher.includes('gcm') || cipher === 'chacha20poly1305';
    if (aead) return prf ? `${cipher}-${lookup(APPLE_PRF, 'APPLE_PRF', integrity)}` : cipher;
    const integ = lookup(APPLE_INTEG, 'APPLE_INTEG', integrity);
    return prf ? `${cipher}-${integ}-${lookup(APPLE_PRF, 'APPLE_PRF', integrity)}` : `${cipher}-${integ}`;
  };
  const ikeGroup = lookup(APPLE_GROUP, 'APPLE_GROUP', p.ikeGroup);
  const ike = `${suite(p.ikeEncryption, p.ikeIntegrity, true)}-${ikeGroup}`;
  const esp = suite(p.childEncryption, p.childIntegrity, false);
  return { ike, esp, espRekey: p.pfs === '1' ? `${esp}-${lookup(APPLE_GROUP, 'APPLE_GROUP', p.childGroup)}` : esp, keGuess: ikeGroup };
}

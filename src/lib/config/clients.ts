/**
 * Client files, each setting exactly what the server's proposals were built for
 * (settings.ts). Keys and values come from each platform's documentation, listed per file
 * in the tables below, which the unit tests hold the generated files to.
 */
import type { ClientVerdict } from '../proposals';
import type { ConfigInputs } from './inputs';
import { APPLE_SETTINGS, CA_COMMON_NAME, PSK_PLACEHOLDER, WINDOWS_SETTINGS, pskClientId } from './settings';

/** Every PowerShell cmdlet and parameter the Windows script may use, with its documentation. */
export const WINDOWS_CMDLETS: Readonly<Record<string, { source: string; parameters: readonly string[] }>> = {
  'Import-Certificate': {
    source: 'https://learn.microsoft.com/en-us/powershell/module/pki/import-certificate',
    parameters: ['FilePath', 'CertStoreLocation'],
  },
  'Read-Host': {
    source: 'https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.utility/read-host',
    parameters: ['Prompt', 'AsSecureString'],
  },
  'Import-PfxCertificate': {
    source: 'https://learn.microsoft.com/en-us/powershell/module/pki/import-pfxcertificate',
    parameters: ['FilePath', 'CertStoreLocation', 'Password'],
  },
  // The EapTlsAuth parameter set; its result's EapConfigXmlStream goes to Add-VpnConnection.
  'New-EapConfiguration': {
    source: 'https://learn.microsoft.com/en-us/powershell/module/vpnclient/new-eapconfiguration',
    parameters: ['Tls', 'UserCertificate', 'VerifyServerIdentity'],
  },
  'Add-VpnConnection': {
    source: 'https://learn.microsoft.com/en-us/powershell/module/vpnclient/add-vpnconnection',
    parameters: ['Name', 'ServerAddress', 'TunnelType', 'L2tpPsk', 'AuthenticationMethod', 'EapConfigXmlStream', 'EncryptionLevel', 'RememberCredential', 'SplitTunneling', 'Force'],
  },
  'Set-VpnConnectionIPsecConfiguration': {
    source: 'https://learn.microsoft.com/en-us/powershell/module/vpnclient/set-vpnconnectionipsecconfiguration',
    parameters: ['ConnectionName', 'EncryptionMethod', 'IntegrityCheckMethod', 'DHGroup', 'CipherTransformConstants', 'AuthenticationTransformConstants', 'PfsGroup', 'Force'],
  },
  // The registry value for L2TP/IPsec to a server behind NAT: AssumeUDPEncapsulationContextOnSendRule
  // under HKLM\SYSTEM\CurrentControlSet\Services\PolicyAgent, a DWORD, 2 when both ends are behind NAT
  // (https://learn.microsoft.com/en-us/troubleshoot/windows-server/networking/configure-l2tp-ipsec-server-behind-nat-t-device).
  'New-ItemProperty': {
    source: 'https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.management/new-itemproperty',
    parameters: ['Path', 'Name', 'PropertyType', 'Value', 'Force'],
  },
  'Add-VpnConnectionRoute': {
    source: 'https://learn.microsoft.com/en-us/powershell/module/vpnclient/add-vpnconnectionroute',
    parameters: ['ConnectionName', 'DestinationPrefix'],
  },
};

const psQuote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The one user a client file is for, or a placeholder when the server has several. */
const oneUser = (inputs: ConfigInputs, placeholder: string) => (inputs.users.length === 1 ? (inputs.users[0] ?? placeholder) : placeholder);

export function windowsScript(inputs: ConfigInputs): string {
  const name = psQuote(inputs.name);
  const w = WINDOWS_SETTINGS;
  const tls = inputs.auth === 'eap-tls';
  const p12 = `${oneUser(inputs, 'your-user-name')}.p12`;
  const lines = [
    `# ${inputs.name}: IKEv2 for Windows 10 and 11, to ${inputs.gateway}.`,
    '# Run in an elevated PowerShell, with the server\'s CA certificate (ca.cert.pem) saved as ca.cer',
    ...(tls
      ? [`# and your ${p12} from make-certs.sh next to this script, as the user who connects. Users sign in with`, '# their certificate (EAP-TLS); the script asks for the password of the .p12 file.']
      : ['# next to this script. Users sign in with their user name and password (EAP-MSCHAPv2).']),
    "$ErrorActionPreference = 'Stop'",
    "Import-Certificate -FilePath (Join-Path $PSScriptRoot 'ca.cer') -CertStoreLocation 'Cert:\\LocalMachine\\Root' | Out-Null",
    ...(tls
      ? [
          "$password = Read-Host -Prompt 'Password of the .p12 file' -AsSecureString",
          `Import-PfxCertificate -FilePath (Join-Path $PSScriptRoot ${psQuote(p12)}) -CertStoreLocation 'Cert:\\CurrentUser\\My' -Password $password | Out-Null`,
          '$eap = New-EapConfiguration -Tls -UserCertificate -VerifyServerIdentity',
        ]
      : []),
    `Add-VpnConnection -Name ${name} -ServerAddress ${psQuote(inputs.gateway)} -TunnelType Ikev2 -AuthenticationMethod Eap${tls ? ' -EapConfigXmlStream $eap.EapConfigXmlStream' : ''} -EncryptionLevel Required -RememberCredential${inputs.routes.length > 0 ? ' -SplitTunneling' : ''} -Force`,
    `Set-VpnConnectionIPsecConfiguration -ConnectionName ${name} -EncryptionMethod ${w.encryptionMethod} -IntegrityCheckMethod ${w.integrityCheckMethod} -DHGroup ${w.dhGroup} -CipherTransformConstants ${w.cipherTransformConstants} -AuthenticationTransformConstants ${w.authenticationTransformConstants} -PfsGroup ${w.pfsGroup} -Force`,
    ...inputs.routes.map((r) => `Add-VpnConnectionRoute -ConnectionName ${name} -DestinationPrefix ${r.text}`),
    '',
  ];
  return lines.join('\r\n');
}

/** A stable UUID-shaped identifier from text, so the same inputs give the same profile. */
export function stableUuid(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const hex: string[] = [];
  for (let round = 0; hex.join('').length < 32; round++) {
    for (const ch of `${round}:${text}`) {
      h1 = Math.imul(h1 ^ ch.charCodeAt(0), 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ ch.charCodeAt(0), 0x85ebca6b) >>> 0;
    }
    hex.push(h1.toString(16).padStart(8, '0'), h2.toString(16).padStart(8, '0'));
  }
  const s = hex.join('').slice(0, 32).split('');
  s[12] = '4';
  s[16] = ((parseInt(s[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const j = s.join('');
  return `${j.slice(0, 8)}-${j.slice(8, 12)}-${j.slice(12, 16)}-${j.slice(16, 20)}-${j.slice(20)}`.toUpperCase();
}

type Plist = string | number | boolean | Uint8Array | Plist[] | { [key: string]: Plist };

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function plistValue(value: Plist, depth: number): string[] {
  const pad = '\t'.repeat(depth);
  if (typeof value === 'string') return [`${pad}<string>${xml(value)}</string>`];
  if (typeof value === 'number') return [`${pad}<integer>${value}</integer>`];
  if (typeof value === 'boolean') return [`${pad}<${value}/>`];
  // only the empty bundle that make-certs.sh fills in (sed on '<data></data>')
  if (value instanceof Uint8Array) return [`${pad}<data></data>`];
  if (Array.isArray(value)) return [`${pad}<array>`, ...value.flatMap((v) => plistValue(v, depth + 1)), `${pad}</array>`];
  return [
    `${pad}<dict>`,
    ...Object.entries(value).flatMap(([k, v]) => [`${pad}\t<key>${xml(k)}</key>`, ...plistValue(v, depth + 1)]),
    `${pad}</dict>`,
  ];
}

/** The IKEv2 keys of Apple's VPN payload this builder writes, with their types (Apple: VPN payload, IKEv2 dictionary). */
export const APPLE_IKEV2_KEYS: Readonly<Record<string, 'string' | 'integer' | 'dict'>> = {
  RemoteAddress: 'string',
  RemoteIdentifier: 'string',
  LocalIdentifier: 'string',
  ServerCertificateIssuerCommonName: 'string',
  ServerCertificateCommonName: 'string',
  AuthenticationMethod: 'string',
  ExtendedAuthEnabled: 'integer',
  SharedSecret: 'string',
  IKESecurityAssociationParameters: 'dict',
  ChildSecurityAssociationParameters: 'dict',
  EnablePFS: 'integer',
  PayloadCertificateUUID: 'string',
  DeadPeerDetectionRate: 'string',
};

export function appleProfile(inputs: ConfigInputs, psk: string | null): string {
  const a = APPLE_SETTINGS;
  const id = `local.vpn.${inputs.slug}`;
  const sa = (encryption: string, integrity: string, group: string) => ({
    EncryptionAlgorithm: encryption,
    IntegrityAlgorithm: integrity,
    DiffieHellmanGroup: Number(group),
  });
  // EAP-TLS: ExtendedAuthEnabled with PayloadCertificateUUID naming the profile's PKCS#12 payload
  // (strongswan-docs interop/appleIkev2Profile.adoc; Apple: VPN.IKEv2 PayloadCertificateUUID).
  const p12Uuid = stableUuid(`${id}/pkcs12`);
  const auth: Record<string, Plist> =
    inputs.auth === 'eap-tls'
      ? {
          ServerCertificateIssuerCommonName: CA_COMMON_NAME,
          ServerCertificateCommonName: inputs.gateway,
          AuthenticationMethod: 'Certificate',
          ExtendedAuthEnabled: 1,
          PayloadCertificateUUID: p12Uuid,
        }
      : inputs.auth === 'eap-mschapv2'
      ? {
          ServerCertificateIssuerCommonName: CA_COMMON_NAME,
          ServerCertificateCommonName: inputs.gateway,
          AuthenticationMethod: 'Certificate',
          ExtendedAuthEnabled: 1,
        }
      : { LocalIdentifier: pskClientId(inputs.gateway), AuthenticationMethod: 'SharedSecret', SharedSecret: psk ?? PSK_PLACEHOLDER, ExtendedAuthEnabled: 0 };
  const profile: Plist = {
    PayloadDisplayName: inputs.name,
    PayloadIdentifier: id,
    PayloadUUID: stableUuid(`${id}/profile`),
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadContent: [
      {
        PayloadDisplayName: inputs.name,
        PayloadIdentifier: `${id}.ikev2`,
        PayloadUUID: stableUuid(`${id}/ikev2/${inputs.gateway}`),
        PayloadType: 'com.apple.vpn.managed',
        PayloadVersion: 1,
        UserDefinedName: inputs.name,
        VPNType: 'IKEv2',
        IKEv2: {
          RemoteAddress: inputs.gateway,
          RemoteIdentifier: inputs.gateway,
          ...auth,
          IKESecurityAssociationParameters: sa(a.ikeEncryption, a.ikeIntegrity, a.ikeGroup),
          ChildSecurityAssociationParameters: sa(a.childEncryption, a.childIntegrity, a.childGroup),
          EnablePFS: Number(a.pfs),
          DeadPeerDetectionRate: 'Medium',
        },
      },
      ...(inputs.auth === 'eap-tls'
        ? [
            {
              PayloadDisplayName: `${inputs.name} user certificate`,
              PayloadIdentifier: `${id}.pkcs12`,
              PayloadUUID: p12Uuid,
              PayloadType: 'com.apple.security.pkcs12',
              PayloadVersion: 1,
              PayloadContent: new Uint8Array(),
            },
          ]
        : []),
    ],
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    ...plistValue(profile, 0),
    '</plist>',
    '',
  ].join('\n');
}

/** strongSwan's Android app profile (docs: os/androidVpnClientProfiles), pinned to the suites the server selects. */
export function sswanProfile(inputs: ConfigInputs, verdict: ClientVerdict | undefined): string {
  const selected = (stage: string) => verdict?.stages.find((s) => s.stage === stage)?.attempts.find((a) => a.ok)?.selected ?? null;
  const ike = selected('ike');
  const esp = selected('child-rekey') ?? selected('child');
  const profile = {
    uuid: stableUuid(`sswan/${inputs.slug}/${inputs.gateway}`).toLowerCase(),
    name: inputs.name,
    type: inputs.auth === 'eap-tls' ? 'ikev2-eap-tls' : 'ikev2-eap',
    remote: { addr: inputs.gateway, id: inputs.gateway },
    // EAP-TLS: the IKE identity is the certificate's SAN (the user name), which the app also sends as EAP identity
    ...(inputs.users.length === 1 ? { local: inputs.auth === 'eap-tls' ? { id: inputs.users[0] } : { eap_id: inputs.users[0] } } : {}),
    ...(ike ? { 'ike-proposal': ike } : {}),
    ...(esp ? { 'esp-proposal': esp } : {}),
    ...(inputs.routes.length > 0 ? { 'split-tunneling': { subnets: inputs.routes.map((r) => r.text) } } : {}),
  };
  return `${JSON.stringify(profile, null, 2)}\n`;
}

/** Settings to type into clients that take no file. */
export function settingsList(inputs: ConfigInputs, client: 'android-native' | 'chromeos'): string {
  const user = oneUser(inputs, 'your user name');
  const lines =
    client === 'android-native'
      ? [
          `${inputs.name} on Android 11 or later (built-in client): Settings > Network > VPN > Add`,
          `Name: ${inputs.name}`,
          'Type: IKEv2/IPSec MSCHAPv2',
          `Server address: ${inputs.gateway}`,
          `IPSec identifier: ${user}`,
          `IPSec CA certificate: ${CA_COMMON_NAME} (install ca.cert.pem first: Settings > Security > Encryption & credentials > Install a certificate > CA certificate)`,
          'IPSec server certificate: (received from server)',
          `Username: ${user}`,
          'Password: the password from the server\'s secrets',
        ]
      : [
          `${inputs.name} on ChromeOS: Settings > Network > Add connection > Add built-in VPN`,
          `Service name: ${inputs.name}`,
          'Provider type: IPsec (IKEv2)',
          `Server hostname: ${inputs.gateway}`,
          'Authentication type: Username and password',
          `Server CA certificate: ${CA_COMMON_NAME} (import ca.cert.pem first: Settings > Privacy and security > Manage certificates > Authorities)`,
          `Username: ${user}`,
          'Password: the password from the server\'s secrets',
          `Remote identity: ${inputs.gateway}`,
        ];
  return `${lines.join('\n')}\n`;
}

/** The vpn.data keys of NetworkManager's strongSwan plugin this builder writes. strongSwan's
 *  documentation (features/networkManager) does not list them; charon-nm reads them in
 *  src/charon-nm/nm/nm_service.c (strongswan/strongswan 3b902ea59b86a8ac097e27a34db85feb877a00f9). */
export const NM_VPN_DATA_KEYS = ['address', 'certificate', 'remote-identity', 'method', 'user', 'cert-source', 'usercert', 'userkey', 'local-identity', 'virtual', 'encap', 'ipcomp', 'proposal'] as const;

const shQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** nmcli commands for NetworkManager-strongswan: EAP (password or EAP-TLS) with the server's CA,
 *  charon's default proposals. EAP-TLS takes the certificate and key files (cert-source=file) and
 *  the user name as identity, which the certificate's SAN holds. */
export function nmcliScript(inputs: ConfigInputs): string {
  const user = oneUser(inputs, 'your-user-name');
  const ca = `/etc/ssl/${inputs.slug}-ca.pem`;
  const tls = inputs.auth === 'eap-tls';
  const [cert, key] = [`/etc/ssl/${inputs.slug}-${user}.cert.pem`, `/etc/ssl/private/${inputs.slug}-${user}.key.pem`];
  const data: Partial<Record<(typeof NM_VPN_DATA_KEYS)[number], string>> = {
    address: inputs.gateway,
    certificate: ca,
    'remote-identity': inputs.gateway,
    ...(tls ? { method: 'eap-tls', 'cert-source': 'file', usercert: cert, userkey: key, 'local-identity': user } : { method: 'eap', user }),
    virtual: 'yes',
    encap: 'no',
    ipcomp: 'no',
    proposal: 'no',
  };
  const vpnData = NM_VPN_DATA_KEYS.filter((k) => data[k] !== undefined).map((k) => `${k}=${data[k]}`).join(', ');
  return [
    '#!/bin/sh',
    `# ${inputs.name} on Linux with NetworkManager's strongSwan plugin (Debian and Ubuntu: network-manager-strongswan).`,
    `# Save the server's CA certificate (ca.cert.pem) as ${ca} first.${
      tls
        ? `\n# Save your certificate and key from make-certs.sh (clients/${user}.cert.pem, clients/${user}.key.pem)\n# as ${cert} and ${key} (mode 600).`
        : ' The password is asked for on connecting.'
    }`,
    'set -eu',
    `nmcli connection add type vpn vpn-type org.freedesktop.NetworkManager.strongswan con-name ${shQuote(inputs.name)} \\`,
    `  vpn.data ${shQuote(vpnData)}`,
    `nmcli connection up ${shQuote(inputs.name)} --ask`,
    '',
  ].join('\n');
}

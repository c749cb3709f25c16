/**
 * Windows VPN error codes the troubleshooter explains. Each row carries Microsoft's own
 * message for the code (from the page named in `source`, an id in src/lib/references.ts) and
 * the causes that produce it with a strongSwan or libreswan server.
 */
import { ModelError } from '../overhead/errors';

export interface WindowsCode {
  readonly code: number;
  /** Constant name in raserror.h / winerror.h. */
  readonly constant: string;
  /** Microsoft's description of the code, as published. */
  readonly meaning: string;
  /** Reference id (src/lib/references.ts) that publishes `meaning`. */
  readonly source: string;
  /** What usually produces the code with a Linux IKE server, shortest first. */
  readonly causes: readonly string[];
  /** What to do, in order. */
  readonly fix: string;
}

export const WINDOWS_CODES: readonly WindowsCode[] = [
  {
    code: 809,
    constant: 'ERROR_VPN_TIMEOUT',
    meaning:
      'The network connection between your computer and the VPN server could not be established because the remote server is not responding.',
    source: 'ms-rras-error-codes',
    causes: [
      'UDP 500 or 4500 does not reach the server (firewall, security group, missing port forward).',
      'IKE_AUTH carries certificates and is fragmented at the IP layer; a middlebox drops the fragments.',
      'L2TP/IPsec only: the server is behind NAT and Windows has not been told to allow it (registry value AssumeUDPEncapsulationContextOnSendRule).',
    ],
    fix:
      'Open UDP 500 and 4500 to the server and check with a capture that both arrive; enable IKE fragmentation on the server (strongSwan: fragmentation = yes); for L2TP/IPsec behind NAT set AssumeUDPEncapsulationContextOnSendRule = 2 and restart.',
  },
  {
    code: 789,
    constant: 'ERROR_OAKLEY_GENERAL_PROCESSING',
    meaning:
      'The L2TP connection attempt failed because the security layer encountered a processing error during initial negotiations with the remote computer.',
    source: 'ms-rras-error-codes',
    causes: [
      'The pre-shared key typed on the client differs from the server\u2019s.',
      'No IKEv1 proposal of Windows matches the server (Windows offers AES-CBC or 3DES with SHA-1 and MODP-1024 or 2048 unless changed).',
      'The server is behind NAT and the registry value for NAT-T is not set.',
    ],
    fix:
      'Compare the pre-shared key on both sides; let the server accept a proposal Windows sends (check with the proposal matcher); set AssumeUDPEncapsulationContextOnSendRule when the server is behind NAT.',
  },
  {
    code: 691,
    constant: 'ERROR_AUTHENTICATION_FAILURE',
    meaning: 'Access was denied because the username and/or password was invalid on the domain.',
    source: 'ms-rras-error-codes',
    causes: [
      'Wrong user name or password for EAP-MSCHAPv2 (IKEv2) or MS-CHAPv2 in PPP (L2TP).',
      'The account exists but the server\u2019s EAP or PPP secret uses a different name form (DOMAIN\\user, user@realm).',
    ],
    fix: 'Check the user name exactly as the server stores it and reset the password; the server log names the EAP or PPP method that failed.',
  },
  {
    code: 13801,
    constant: 'ERROR_IPSEC_IKE_AUTH_FAIL',
    meaning: 'IKE authentication credentials are unacceptable.',
    source: 'ms-system-error-codes-12000',
    causes: [
      'The server certificate does not name the address the client dialed (no matching subjectAltName DNS or IP entry).',
      'The server certificate lacks the Server Authentication EKU, or Windows cannot build its chain to a trusted root.',
    ],
    fix:
      'Issue the server certificate with the exact host name the clients dial as a DNS subjectAltName, the serverAuth EKU, and import its root CA into the computer\u2019s Trusted Root store.',
  },
  {
    code: 13806,
    constant: 'ERROR_IPSEC_IKE_NO_CERT',
    meaning:
      'IKE failed to find valid machine certificate. Contact your Network Security Administrator about installing a valid certificate in the appropriate Certificate Store.',
    source: 'ms-system-error-codes-12000',
    causes: [
      'The CA that issued the server certificate is not in the computer\u2019s Trusted Root Certification Authorities store (it was imported for the user only).',
      'For machine-certificate authentication: the client has no valid certificate of its own.',
    ],
    fix: 'Import the root CA certificate into Local Computer \u203a Trusted Root Certification Authorities (not the user store) and retry.',
  },
  {
    code: 13868,
    constant: 'ERROR_IPSEC_IKE_POLICY_MATCH',
    meaning: 'Policy match error.',
    source: 'ms-system-error-codes-12000',
    causes: [
      'No IKE proposal Windows offers is accepted by the server: the Windows defaults include only algorithms many servers no longer allow.',
      'The server has no connection for the identity or authentication method Windows uses.',
    ],
    fix:
      'Let the server accept a proposal Windows sends, or set stronger Windows proposals with Set-VpnConnectionIPsecConfiguration; the proposal matcher shows which ones meet.',
  },
];

/** The code, if the text is a bare code or a RasClient message ("The error code returned on failure is 809."). */
export function findWindowsCode(text: string): number | undefined {
  const head = text.slice(0, 4096); // codes sit at the start of pasted dialogs and events
  const bare = /^\s*(?:error\s*)?(\d{3,5})\s*$/i.exec(head);
  const phrase = /\b(?:error code(?: returned on failure)?(?: is)?|error)\s*:?\s*(\d{3,5})\b/i.exec(head);
  const found = bare?.[1] ?? phrase?.[1];
  return found === undefined ? undefined : Number(found);
}

export function windowsCode(code: number): WindowsCode | undefined {
  return WINDOWS_CODES.find((c) => c.code === code);
}

/**
 * Reads the code field: '' means no code; digits must name a code in the table.
 * Throws ModelError('code') with the codes it knows otherwise.
 */
export function parseWindowsCodeField(value: string): WindowsCode | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  const known = WINDOWS_CODES.map((c) => String(c.code));
  if (!/^\d{1,6}$/.test(text)) throw new ModelError('code', `“${text.slice(0, 20)}” is not an error number; type the digits only, e.g. 809.`, known);
  const row = windowsCode(Number(text));
  if (!row) throw new ModelError('code', `Error ${Number(text)} is not one this page explains; it knows ${known.join(', ')}.`, known);
  return row;
}

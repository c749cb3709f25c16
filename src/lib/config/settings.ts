/**
 * The client settings the builder writes into every client file, and that the server's
 * proposals are built to match (suggestServerProposals with these as overrides). Chosen as
 * the strongest suites each client accepts from its documented value lists.
 */
import type { AppleProfileParameters, WindowsPsParameters } from '../proposals';

/** Set-VpnConnectionIPsecConfiguration values: AES-GCM for ESP, ECP-384 for IKE, no PFS
 *  (Windows refuses a key exchange proposed by the server at CHILD_SA rekeys). */
export const WINDOWS_SETTINGS: WindowsPsParameters = {
  encryptionMethod: 'AES256',
  integrityCheckMethod: 'SHA256',
  dhGroup: 'ECP384',
  cipherTransformConstants: 'GCMAES256',
  authenticationTransformConstants: 'GCMAES256',
  pfsGroup: 'None',
};

/** Apple IKEv2 profile SA parameters: AES-256-GCM throughout and ECP-384 for the IKE SA; no PFS on
 *  CHILD_SA rekeys, because the same server serves Windows, which refuses a key exchange there. */
export const APPLE_SETTINGS: AppleProfileParameters = {
  ikeEncryption: 'AES-256-GCM',
  ikeIntegrity: 'SHA2-384',
  ikeGroup: '20',
  childEncryption: 'AES-256-GCM',
  childIntegrity: 'SHA2-384',
  childGroup: '20',
  pfs: '0',
};

/** The CA's name in the pki commands; Apple profiles name it so that the client sends a CERTREQ. */
export const CA_COMMON_NAME = 'VPN Root CA';
export const PSK_PLACEHOLDER = 'PASTE-THE-GENERATED-KEY-HERE';
/** The client identity for PSK: the site generates one key shared by the server and its clients. */
export const pskClientId = (gateway: string): string => `client@${gateway}`;

/**
 * The causes the troubleshooter can name. Ids are a public contract (the page renders
 * data-cause="<id>"; tests outside the project use them): add ids, never rename one.
 */
export const LOG_CAUSE_IDS = [
  'no-proposal-ike',
  'no-proposal-esp',
  'ke-retry',
  'auth-psk',
  'auth-cert-id',
  'cert-untrusted',
  'eap-failed',
  'no-response-500',
  'no-response-4500',
  'ike-fragmentation',
  'ts-unacceptable',
  'no-ike-config',
  'no-peer-config',
  'rekey-failed',
] as const;
export type LogCauseId = (typeof LOG_CAUSE_IDS)[number];

export const WINDOWS_CAUSE_IDS = [
  'windows-809',
  'windows-789',
  'windows-691',
  'windows-13801',
  'windows-13806',
  'windows-13868',
] as const;
export type WindowsCauseId = (typeof WINDOWS_CAUSE_IDS)[number];
export type CauseId = LogCauseId | WindowsCauseId;

/** Where a handshake stopped: the exchange that failed (RFC 7296 §1.2, §1.3; RFC 2409 for IKEv1). */
export type Stage = 'IKE_SA_INIT' | 'IKE_AUTH' | 'CHILD_SA' | 'REKEY';

export interface CauseInfo {
  readonly title: string;
  readonly stage: Stage;
  /** What to change, as an instruction. */
  readonly fix: string;
  /** Section of the troubleshooting chapter that explains the cause (anchor on /guide/troubleshooting/). */
  readonly section: string;
  /** 'info' causes are worth knowing but did not stop the connection. */
  readonly severity: 'failure' | 'info';
}

const CHAPTER = {
  noReply: 'the-client-gets-no-reply-to-ike_sa_init',
  fragments: 'ike_auth-never-completes-and-certificate-sized-messages-vanish',
  proposal: 'the-log-says-no_proposal_chosen',
  auth: 'the-log-says-authentication_failed',
  selectors: 'the-traffic-selectors-do-not-cover-the-traffic',
} as const;

export const LOG_CAUSES: Readonly<Record<LogCauseId, CauseInfo>> = {
  'no-proposal-ike': {
    title: 'No common IKE proposal',
    stage: 'IKE_SA_INIT',
    fix: 'Add to the server\u2019s IKE proposals one that the client offers (or configure the client to offer one the server accepts): encryption, integrity/PRF and key exchange must all match in one proposal.',
    section: CHAPTER.proposal,
    severity: 'failure',
  },
  'no-proposal-esp': {
    title: 'No common ESP proposal',
    stage: 'CHILD_SA',
    fix: 'Make the server\u2019s esp_proposals include one the client offers. The IKE SA already works, so only the ESP (CHILD_SA) proposals differ.',
    section: CHAPTER.proposal,
    severity: 'failure',
  },
  'ke-retry': {
    title: 'The first key-exchange guess was refused (INVALID_KE_PAYLOAD)',
    stage: 'IKE_SA_INIT',
    fix: 'Nothing is broken: the responder asked for another group and the initiator retried, costing one round trip. To save it, put the group the server wants first in the client\u2019s proposal.',
    section: CHAPTER.proposal,
    severity: 'info',
  },
  'auth-psk': {
    title: 'The pre-shared keys differ',
    stage: 'IKE_AUTH',
    fix: 'Set the same pre-shared key on both sides, for the identities the log shows; mind quotes, trailing spaces and the 0x/0s prefixes in ipsec.secrets or swanctl.conf.',
    section: CHAPTER.auth,
    severity: 'failure',
  },
  'auth-cert-id': {
    title: 'The server certificate does not contain the identity the client expects',
    stage: 'IKE_AUTH',
    fix: 'Issue the server certificate with the host name the clients dial as a subjectAltName (DNS), and set the server\u2019s local id to that name; or make the client expect the name the certificate holds.',
    section: CHAPTER.auth,
    severity: 'failure',
  },
  'cert-untrusted': {
    title: 'The certificate\u2019s CA is not trusted',
    stage: 'IKE_AUTH',
    fix: 'Install the CA certificate that issued the peer\u2019s certificate (the "issuer" line of the log) as a trusted CA on the side that logged the error, and send any intermediate CA certificates.',
    section: CHAPTER.auth,
    severity: 'failure',
  },
  'eap-failed': {
    title: 'EAP authentication failed (user name or password)',
    stage: 'IKE_AUTH',
    fix: 'Check the user name and password (the EAP secret on the server or its RADIUS server) and that both sides use the same EAP method.',
    section: CHAPTER.auth,
    severity: 'failure',
  },
  'no-response-500': {
    title: 'Nothing came back on UDP 500',
    stage: 'IKE_SA_INIT',
    fix: 'Check that UDP 500 reaches the server: firewall and cloud security-group rules, the port forward on the server\u2019s router, and that charon listens on that address. A capture on the server shows whether the packets arrive.',
    section: CHAPTER.noReply,
    severity: 'failure',
  },
  'no-response-4500': {
    title: 'Nothing came back on UDP 4500',
    stage: 'IKE_AUTH',
    fix: 'Open and forward UDP 4500 like UDP 500: after IKE_SA_INIT detects a NAT (or for MOBIKE), IKE moves to port 4500, and ESP follows it there.',
    section: CHAPTER.noReply,
    severity: 'failure',
  },
  'ike-fragmentation': {
    title: 'IKE_AUTH is too large for one packet and its IP fragments are lost',
    stage: 'IKE_AUTH',
    fix: 'Enable IKEv2 fragmentation on both sides (strongSwan: fragmentation = yes, the default; RFC 7383), or make the message smaller (ECDSA instead of RSA-4096 certificates, no unneeded intermediate certificates).',
    section: CHAPTER.fragments,
    severity: 'failure',
  },
  'ts-unacceptable': {
    title: 'The traffic selectors do not overlap',
    stage: 'CHILD_SA',
    fix: 'Make the client\u2019s local_ts/remote_ts a subset of what the server allows (or narrow them with the server\u2019s), or let the server assign a virtual IP and use dynamic selectors.',
    section: CHAPTER.selectors,
    severity: 'failure',
  },
  'no-ike-config': {
    title: 'The server has no IKE configuration for this address',
    stage: 'IKE_SA_INIT',
    fix: 'Make a connection on the server match the address the client reached (local_addrs, left=) and the client\u2019s address (remote_addrs, right=), and the IKE version; check that the configuration is loaded (swanctl --list-conns).',
    section: CHAPTER.proposal,
    severity: 'failure',
  },
  'no-peer-config': {
    title: 'The server has no connection for these identities',
    stage: 'IKE_AUTH',
    fix: 'Make the identities match: the client\u2019s IDi must match the server\u2019s remote id (and the IDr it sends, the server\u2019s local id). The log line "looking for peer configs matching" shows both.',
    section: CHAPTER.auth,
    severity: 'failure',
  },
  'rekey-failed': {
    title: 'Rekeying failed',
    stage: 'REKEY',
    fix: 'Rekeying proposes the key-exchange (PFS) groups of esp_proposals, which the first CHILD_SA in IKE_AUTH does not use. Make both sides agree on PFS: the same groups in esp_proposals on both, or none on both.',
    section: CHAPTER.proposal,
    severity: 'failure',
  },
};

/** Section of the troubleshooting chapter for each Windows code. */
export const WINDOWS_SECTIONS: Readonly<Record<number, string>> = {
  809: 'windows-error-809-the-remote-server-is-not-responding',
  789: 'windows-error-789-the-security-layer-encountered-a-processing-error',
  691: 'windows-error-691-user-name-or-password-not-accepted',
  13801: 'windows-error-13801-ike-authentication-credentials-are-unacceptable',
  13806: 'windows-error-13806-no-valid-machine-certificate',
  13868: 'windows-error-13868-policy-match-error',
};

export const CHAPTER_PATH = '/guide/troubleshooting/';

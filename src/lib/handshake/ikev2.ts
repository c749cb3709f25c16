/**
 * The IKEv2 side of the handshake model: which messages a connection, a MOBIKE move and a
 * reauthentication exchange (RFC 7296, RFC 4555, RFC 7383, RFC 9242/9370), in what order, and
 * their sizes: the lab's where a run measured them, built from the payload formats elsewhere.
 */
import { SequenceDraft, addExchange, exchangeMessage } from './draft';
import type { ExchangeSpec } from './draft';
import {
  AUTH_PSK_PAYLOAD_BYTES,
  DELETE_IKE_SA_PAYLOAD_BYTES,
  IKE_HEADER_BYTES,
  IKE_SA_INIT_REQUEST_BASE_BYTES,
  IKE_SA_INIT_RESPONSE_BASE_BYTES,
  KEM_BYTES,
  KEY_EXCHANGE_BYTES,
  MEASURED_KEY_EXCHANGES,
  MOBIKE_UPDATE_REQUEST_INNER_BYTES,
  MOBIKE_UPDATE_RESPONSE_INNER_BYTES,
  RETURN_ROUTABILITY_INNER_BYTES,
  authRequestInnerBytes,
  authResponseInnerBytes,
  certificateRequestBytes,
  eapFinalResponseInnerBytes,
  eapPayloadBytes,
  encryptedIkeMessage,
  keyExchangePayloadBytes,
  notifyBytes,
  plainIkeMessage,
} from './ikev2-sizes';
import type { IkeTransport, KeyExchange, PostQuantumKem } from './ikev2-sizes';
import { estimatedBecause, measuredIn } from './sequence';
import type { MessageSpec } from './sequence';

/** Every IKEv2 exchange here is started by the initiator and retransmitted on the IKE timer. */
type IkeExchangeSpec = Omit<ExchangeSpec, 'layer' | 'timer' | 'initiator'>;

function ikeExchange(spec: IkeExchangeSpec): ExchangeSpec {
  return { layer: 'IKEv2', timer: 'ike', initiator: 'initiator', ...spec };
}

function addIkeExchange(draft: SequenceDraft, spec: IkeExchangeSpec): { request: string; response: string } {
  return addExchange(draft, ikeExchange(spec));
}

export type Ikev2Auth = 'psk' | 'certificate' | 'eap-mschapv2' | 'eap-tls';
export const IKEV2_AUTHS: readonly Ikev2Auth[] = ['psk', 'certificate', 'eap-mschapv2', 'eap-tls'];

export interface Ikev2Options {
  auth: Ikev2Auth;
  postQuantum: PostQuantumKem; // one additional key exchange (RFC 9370 ADDKE1) in IKE_INTERMEDIATE
  cookie: boolean; // responder demands a COOKIE first (RFC 7296 §2.6)
  invalidKe: boolean; // initiator guessed the wrong KE group first (RFC 7296 §2.7)
  eapIdentity: boolean; // server asks EAP-Identity first (RFC 3748 §5.1; strongSwan eap_id = %any)
  fragmentation: boolean; // RFC 7383 (strongSwan fragmentation = yes)
  fragmentSize: number; // strongSwan charon.fragment_size, IP datagram bytes
  mobike: boolean; // RFC 4555, negotiated by both peers (strongSwan mobike = yes)
  mobikePathProbe: boolean; // strongSwan probes the new path with an empty INFORMATIONAL first
  returnRoutabilityCheck: boolean; // responder verifies the new address (RFC 4555 §3.7)
  reauthDeletesFirst: boolean; // without MOBIKE: delete the old IKE SA before the new one (strongSwan make_before_break = no)
  initiatorCertificateBytes: number; // DER bytes of the certificates the client sends
  responderCertificateBytes: number; // DER bytes of the certificates the gateway sends
  eapTlsFragmentBytes: number; // strongSwan charon.plugins.eap-tls.fragment_size
}

export interface PathContext {
  keyExchange: KeyExchange;
  nat: boolean;
  pathMtu: number;
  computeMs: number; // key-exchange and signature computation of one IKE handshake
}

/** strongSwan 5.9.8 pair: 2 RTT + 2-20 ms of computation; the midpoint is the default. */
export const DEFAULT_COMPUTE_MS = 11;

/** DER size of each RSA-2048 end-entity certificate of the lab's CA -> EE chain
 *  (tests/lab/pki/rsa2048-client.pem and rsa2048-server.pem). */
export const LAB_RSA2048_CERTIFICATE_BYTES = 771;

// EAP message lengths (RFC 3748 §4: Code, Identifier, Length = 4 octets, then Type).
const EAP_REQUEST_IDENTITY_BYTES = 5; // RFC 3748 §5.1, no prompt
const USER_IDENTITY_BYTES = 5; // the lab's EAP identity 'alice' (tests/lab/configs.ts)
const EAP_SUCCESS_BYTES = 4; // RFC 3748 §4.2
// EAP-MSCHAPv2 ([MS-CHAP] §2.2 wraps RFC 2759 packets: OpCode, MS-CHAPv2-ID, MS-Length = 4 octets).
const MSCHAPV2_HEADER_BYTES = 5 + 4;
const MSCHAPV2_CHALLENGE_BYTES = MSCHAPV2_HEADER_BYTES + 1 + 16 + 10; // Value-Size, 16-octet challenge, 10-octet server name
const MSCHAPV2_RESPONSE_BYTES = MSCHAPV2_HEADER_BYTES + 1 + 49 + USER_IDENTITY_BYTES; // RFC 2759 §4: 49-octet response
const MSCHAPV2_SUCCESS_REQUEST_BYTES = MSCHAPV2_HEADER_BYTES + 42 + 22; // RFC 2759 §5: "S=" + 40 hex digits; strongSwan eap_mschapv2.c appends SUCCESS_MESSAGE " M=Welcome2strongSwan" and its NUL
const MSCHAPV2_SUCCESS_RESPONSE_BYTES = 5 + 1; // [MS-CHAP] §2.2: only the Success code
// EAP-TLS (RFC 5216 §3.1): Type, Flags, optional 4-octet TLS Message Length (strongSwan include_length = yes).
const EAP_TLS_HEADER_BYTES = 5 + 1;
const EAP_TLS_LENGTH_BYTES = 4;
// TLS 1.2 flights with ECDHE-RSA and a client certificate (RFC 5246 §7.3), estimated.
const TLS_CLIENT_HELLO_BYTES = 150;
const TLS_SERVER_FLIGHT_FIXED_BYTES = 444; // ServerHello, Certificate framing, ServerKeyExchange, CertificateRequest, Done
const TLS_CLIENT_FLIGHT_FIXED_BYTES = 400; // Certificate framing, ClientKeyExchange, CertificateVerify, CCS, Finished
const TLS_SERVER_FINISHED_BYTES = 51; // ChangeCipherSpec + Finished

const COOKIE_DATA_BYTES = 32; // RFC 7296 §2.6 allows 1-64 octets; 32 assumed
const PQ_SA_INIT_EXTRA_BYTES = 8 + 8; // ADDKE1 transform (RFC 9370 §2.2) + N(INTERMEDIATE_EXCHANGE_SUPPORTED) (RFC 9242 §3)
const FRAGMENTATION_SUPPORTED_BYTES = notifyBytes(0); // RFC 7383 §2.3: in the measured IKE_SA_INIT base
/** The lab's RSA-2048 run: one CA, a CA -> EE chain, RFC 7383 fragments of 1280 bytes. */
const LAB_RSA2048_RUN = 'rsa2048';
const EAP_ESTIMATE = 'built from the RFC 7296 and EAP message formats; the lab ran EAP-MSCHAPv2 only, with its defaults';
const PAYLOAD_ESTIMATE = 'built from the RFC 7296 payload formats; no lab run has these settings';

function transportFor(options: Ikev2Options, path: PathContext): IkeTransport {
  return {
    onPort4500: options.mobike || path.nat, // strongSwan floats with MOBIKE even without NAT (swanctl.opt mobike)
    fragmentation: options.fragmentation,
    fragmentSize: options.fragmentSize,
    pathMtu: path.pathMtu,
  };
}

function usesCertificateRequest(auth: Ikev2Auth): boolean {
  return auth !== 'psk';
}

function addSaInit(draft: SequenceDraft, options: Ikev2Options, path: PathContext, idPrefix: string): void {
  const keBytes = KEY_EXCHANGE_BYTES[path.keyExchange];
  const pqExtra = options.postQuantum === 'none' ? 0 : PQ_SA_INIT_EXTRA_BYTES;
  const noFragmentation = options.fragmentation ? 0 : FRAGMENTATION_SUPPORTED_BYTES;
  const labRun = MEASURED_KEY_EXCHANGES[path.keyExchange];
  const requestBytes = IKE_SA_INIT_REQUEST_BASE_BYTES + keBytes + pqExtra - noFragmentation;
  const cookieBytes = notifyBytes(COOKIE_DATA_BYTES);
  const rfc = 'RFC 7296 §1.2';
  let after: string[] = draft.messages.length > 0 ? [draft.last()] : [];

  if (options.cookie) {
    const pair = addIkeExchange(draft, {
      exchange: 'IKE_SA_INIT',
      rfc: 'RFC 7296 §2.6',
      after,
      request: {
        id: `${idPrefix}init-cookie-req`,
        name: 'IKE_SA_INIT request',
        payloads: 'HDR(A,0), SAi1, KEi, Ni, N(NATD_*), notifies',
        size: plainIkeMessage(requestBytes, path.pathMtu),
        ...(labRun !== undefined && pqExtra === 0 && options.fragmentation ? measuredIn(labRun) : estimatedBecause('measured base plus this group\'s key-exchange data')),
      },
      response: {
        id: `${idPrefix}init-cookie-resp`,
        name: 'IKE_SA_INIT response: COOKIE',
        payloads: 'HDR(A,0), N(COOKIE)',
        size: plainIkeMessage(IKE_HEADER_BYTES + cookieBytes, path.pathMtu),
        ...estimatedBecause('cookie length assumed 32 octets (RFC 7296 §2.6 allows 1-64)'),
      },
    });
    after = [pair.response];
  }
  const withCookie = options.cookie ? cookieBytes : 0;
  if (options.invalidKe) {
    const pair = addIkeExchange(draft, {
      exchange: 'IKE_SA_INIT',
      rfc: 'RFC 7296 §2.7',
      after,
      request: {
        id: `${idPrefix}init-ke-req`,
        name: 'IKE_SA_INIT request (wrong KE group)',
        payloads: options.cookie ? 'HDR(A,0), N(COOKIE), SAi1, KEi, Ni, notifies' : 'HDR(A,0), SAi1, KEi, Ni, notifies',
        size: plainIkeMessage(requestBytes + withCookie, path.pathMtu),
        ...estimatedBecause('assumed the size of the retry: the wrongly guessed group is not an input'),
      },
      response: {
        id: `${idPrefix}init-ke-resp`,
        name: 'IKE_SA_INIT response: INVALID_KE_PAYLOAD',
        payloads: 'HDR(A,0), N(INVALID_KE_PAYLOAD)',
        size: plainIkeMessage(IKE_HEADER_BYTES + notifyBytes(2), path.pathMtu), // RFC 7296 §3.10.1: 2-octet group
        ...estimatedBecause('built from RFC 7296 §3.10.1; not measured'),
      },
    });
    after = [pair.response];
  }
  const certificates = usesCertificateRequest(options.auth);
  const responseBytes =
    IKE_SA_INIT_RESPONSE_BASE_BYTES + keBytes + pqExtra - noFragmentation + (certificates ? certificateRequestBytes(1) : 0);
  const measuredBase = labRun !== undefined && pqExtra === 0 && options.fragmentation;
  const certificateRun = options.auth === 'eap-mschapv2' ? 'eap-mschapv2' : LAB_RSA2048_RUN; // same IKE_SA_INIT, both with MODP-2048
  const requestBasis =
    measuredBase && !options.cookie
      ? measuredIn(certificates && path.keyExchange === 'modp2048' ? certificateRun : labRun)
      : estimatedBecause(options.cookie ? 'measured request plus the returned COOKIE notify' : 'measured base plus this group\'s key-exchange data');
  const responseBasis = !measuredBase
    ? estimatedBecause('measured base plus this group\'s key-exchange data')
    : !certificates
      ? measuredIn(labRun)
      : path.keyExchange === 'modp2048'
        ? measuredIn(certificateRun)
        : estimatedBecause('measured PSK response plus a CERTREQ naming one CA');
  addIkeExchange(draft, {
    exchange: 'IKE_SA_INIT',
    rfc,
    after,
    request: {
      id: `${idPrefix}init-req`,
      name: 'IKE_SA_INIT request',
      payloads: `HDR, ${options.cookie ? 'N(COOKIE), ' : ''}SAi1, KEi, Ni, N(NATD_S_IP), N(NATD_D_IP), ${
        options.fragmentation ? 'N(FRAG_SUP), ' : ''
      }N(HASH_ALG), N(REDIR_SUP)`,
      size: plainIkeMessage(requestBytes + withCookie, path.pathMtu),
      ...requestBasis,
    },
    response: {
      id: `${idPrefix}init-resp`,
      name: 'IKE_SA_INIT response',
      payloads: `HDR, SAr1, KEr, Nr, N(NATD_S_IP), N(NATD_D_IP), ${certificates ? 'CERTREQ, ' : ''}${
        options.fragmentation ? 'N(FRAG_SUP), ' : ''
      }N(HASH_ALG), N(CHDLESS_SUP), N(MULT_AUTH)`,
      size: plainIkeMessage(responseBytes, path.pathMtu),
      ...responseBasis,
      processingMs: path.computeMs / 2,
    },
  });
}
function addIntermediate(draft: SequenceDraft, options: Ikev2Options, path: PathContext, idPrefix: string): void {
  if (options.postQuantum === 'none') return;
  const kem = KEM_BYTES[options.postQuantum];
  const transport = transportFor(options, path);
  addIkeExchange(draft, {
    exchange: 'IKE_INTERMEDIATE',
    rfc: 'RFC 9242 §3; RFC 9370 §2.2',
    after: [draft.last()],
    request: {
      id: `${idPrefix}intermediate-req`,
      name: 'IKE_INTERMEDIATE request',
      payloads: 'HDR, SK {KEi(1)}',
      size: encryptedIkeMessage(keyExchangePayloadBytes(kem.encapsulationKey), transport),
      ...estimatedBecause('built from RFC 9370 and FIPS 203 key sizes; strongSwan 5.9.8 has no ML-KEM'),
    },
    response: {
      id: `${idPrefix}intermediate-resp`,
      name: 'IKE_INTERMEDIATE response',
      payloads: 'HDR, SK {KEr(1)}',
      size: encryptedIkeMessage(keyExchangePayloadBytes(kem.ciphertext), transport),
      ...estimatedBecause('built from RFC 9370 and FIPS 203 key sizes; strongSwan 5.9.8 has no ML-KEM'),
    },
  });
}

function authExchange(
  draft: SequenceDraft,
  idPrefix: string,
  step: string,
  request: { name: string; payloads: string; inner: number },
  response: { name: string; payloads: string; inner: number; processingMs?: number },
  transport: IkeTransport,
  basis: { sizeSource: 'measured' | 'estimated'; sizeNote: string },
): void {
  const spec = ikeExchange({
    exchange: 'IKE_AUTH',
    rfc: 'RFC 7296 §2.16',
    after: [draft.last()],
    request: {
      id: `${idPrefix}auth-${step}-req`,
      name: request.name,
      payloads: request.payloads,
      size: encryptedIkeMessage(request.inner, transport),
      ...basis,
    },
    response: {
      id: `${idPrefix}auth-${step}-resp`,
      name: response.name,
      payloads: response.payloads,
      size: encryptedIkeMessage(response.inner, transport),
      ...basis,
      processingMs: response.processingMs ?? 0,
    },
  });
  addExchange(draft, spec);
}

function eapTlsFragments(flightBytes: number, fragmentBytes: number): number[] {
  const room = fragmentBytes - EAP_TLS_HEADER_BYTES - EAP_TLS_LENGTH_BYTES;
  const messages: number[] = [];
  for (let left = flightBytes; left > 0; left -= room) {
    messages.push(EAP_TLS_HEADER_BYTES + EAP_TLS_LENGTH_BYTES + Math.min(room, left));
  }
  return messages;
}

/** Whether the lab measured this IKE_AUTH: its payloads, certificates and datagrams match a run. */
function labAuthRun(options: Ikev2Options, transport: IkeTransport, keyExchange: KeyExchange): string | null {
  if (!transport.onPort4500 || options.postQuantum !== 'none') return null;
  // IKE_AUTH does not depend on the group; every committed run had MOBIKE.
  if (options.auth === 'psk') return options.mobike ? (MEASURED_KEY_EXCHANGES[keyExchange] ?? 'psk-modp2048') : null;
  const labCertificates =
    options.initiatorCertificateBytes === LAB_RSA2048_CERTIFICATE_BYTES && options.responderCertificateBytes === LAB_RSA2048_CERTIFICATE_BYTES;
  const labFragments = options.fragmentation && options.fragmentSize === 1280;
  if (!options.mobike || !labFragments) return null;
  if (options.auth === 'certificate') return labCertificates ? LAB_RSA2048_RUN : null;
  const labGateway = options.responderCertificateBytes === LAB_RSA2048_CERTIFICATE_BYTES;
  return options.auth === 'eap-mschapv2' && options.eapIdentity && labGateway ? 'eap-mschapv2' : null;
}

function addAuth(draft: SequenceDraft, options: Ikev2Options, path: PathContext, idPrefix: string): void {
  const transport = transportFor(options, path);
  const half = path.computeMs / 2;
  const mobike = options.mobike;
  const mobikeNotifies = mobike ? ', N(MOBIKE_SUP), N(ADD_6_ADDR)' : '';
  const requestNotifies = `${mobikeNotifies}, N(MULT_AUTH), N(EAP_ONLY), N(MSG_ID_SYN_SUP)`;
  const labRun = labAuthRun(options, transport, path.keyExchange);
  const basis = labRun !== null ? measuredIn(labRun) : estimatedBecause(options.auth.startsWith('eap') ? EAP_ESTIMATE : PAYLOAD_ESTIMATE);

  if (options.auth === 'psk' || options.auth === 'certificate') {
    const certificate = options.auth === 'certificate';
    addIkeExchange(draft, {
      exchange: 'IKE_AUTH',
      rfc: certificate ? 'RFC 7296 §1.2; RFC 7383 §2.5' : 'RFC 7296 §1.2',
      after: [draft.last()],
      request: {
        id: `${idPrefix}auth-req`,
        name: 'IKE_AUTH request',
        payloads: `HDR, SK {IDi, ${certificate ? 'CERT, ' : ''}N(INIT_CONTACT), ${certificate ? 'CERTREQ, ' : ''}IDr, AUTH, SAi2, TSi, TSr${requestNotifies}}`,
        size: encryptedIkeMessage(
          authRequestInnerBytes({
            auth: certificate ? 'rsa2048' : 'psk',
            certificateBytes: certificate ? options.initiatorCertificateBytes : null,
            certificateRequest: certificate,
            mobike,
          }),
          transport,
        ),
        ...basis,
      },
      response: {
        id: `${idPrefix}auth-resp`,
        name: 'IKE_AUTH response',
        payloads: `HDR, SK {IDr, ${certificate ? 'CERT, ' : ''}AUTH, SAr2, TSi, TSr${mobikeNotifies}}`,
        size: encryptedIkeMessage(
          authResponseInnerBytes({
            auth: certificate ? 'rsa2048' : 'psk',
            certificateBytes: certificate ? options.responderCertificateBytes : null,
            childSa: true,
            mobike,
          }),
          transport,
        ),
        ...basis,
        processingMs: half,
      },
    });
    return;
  }

  // EAP (RFC 7296 §2.16): the first IKE_AUTH request omits AUTH, the gateway authenticates with
  // its certificate and starts EAP, EAP runs in further IKE_AUTH exchanges until EAP-Success, and
  // a final exchange carries the AUTH payloads computed from the EAP MSK.
  const firstRequestInner = authRequestInnerBytes({ auth: 'none', certificateBytes: null, certificateRequest: true, mobike });
  const gatewayAuthInner = authResponseInnerBytes({ auth: 'rsa2048', certificateBytes: options.responderCertificateBytes, childSa: false, mobike });
  const eapMessages: { request: { name: string; bytes: number }; response: { name: string; bytes: number } }[] = [];
  let firstEap: { name: string; bytes: number };

  if (options.auth === 'eap-mschapv2') {
    const challenge = { name: 'EAP-Request/MSCHAPv2 Challenge', bytes: MSCHAPV2_CHALLENGE_BYTES };
    if (options.eapIdentity) {
      firstEap = { name: 'EAP-Request/Identity', bytes: EAP_REQUEST_IDENTITY_BYTES };
      eapMessages.push({ request: { name: 'EAP-Response/Identity', bytes: EAP_REQUEST_IDENTITY_BYTES + USER_IDENTITY_BYTES }, response: challenge });
    } else {
      firstEap = challenge;
    }
    eapMessages.push(
      {
        request: { name: 'EAP-Response/MSCHAPv2 Response', bytes: MSCHAPV2_RESPONSE_BYTES },
        response: { name: 'EAP-Request/MSCHAPv2 Success', bytes: MSCHAPV2_SUCCESS_REQUEST_BYTES },
      },
      {
        request: { name: 'EAP-Response/MSCHAPv2 Success', bytes: MSCHAPV2_SUCCESS_RESPONSE_BYTES },
        response: { name: 'EAP-Success', bytes: EAP_SUCCESS_BYTES },
      },
    );
  } else {
    const start = { name: 'EAP-Request/TLS Start', bytes: EAP_TLS_HEADER_BYTES };
    const ack = EAP_TLS_HEADER_BYTES;
    if (options.eapIdentity) {
      firstEap = { name: 'EAP-Request/Identity', bytes: EAP_REQUEST_IDENTITY_BYTES };
      eapMessages.push({ request: { name: 'EAP-Response/Identity', bytes: EAP_REQUEST_IDENTITY_BYTES + USER_IDENTITY_BYTES }, response: start });
    } else {
      firstEap = start;
    }
    const serverFlight = eapTlsFragments(TLS_SERVER_FLIGHT_FIXED_BYTES + options.responderCertificateBytes, options.eapTlsFragmentBytes);
    const clientFlight = eapTlsFragments(TLS_CLIENT_FLIGHT_FIXED_BYTES + options.initiatorCertificateBytes, options.eapTlsFragmentBytes);
    serverFlight.forEach((bytes, i) => {
      eapMessages.push({
        request:
          i === 0
            ? { name: 'EAP-Response/TLS ClientHello', bytes: EAP_TLS_HEADER_BYTES + EAP_TLS_LENGTH_BYTES + TLS_CLIENT_HELLO_BYTES }
            : { name: 'EAP-Response/TLS ACK', bytes: ack },
        response: { name: `EAP-Request/TLS server flight ${i + 1}/${serverFlight.length}`, bytes },
      });
    });
    clientFlight.forEach((bytes, j) => {
      const lastClient = j === clientFlight.length - 1;
      eapMessages.push({
        request: { name: `EAP-Response/TLS client flight ${j + 1}/${clientFlight.length}`, bytes },
        response: lastClient
          ? { name: 'EAP-Request/TLS ChangeCipherSpec, Finished', bytes: EAP_TLS_HEADER_BYTES + EAP_TLS_LENGTH_BYTES + TLS_SERVER_FINISHED_BYTES }
          : { name: 'EAP-Request/TLS ACK', bytes: ack },
      });
    });
    eapMessages.push({
      request: { name: 'EAP-Response/TLS ACK', bytes: ack },
      response: { name: 'EAP-Success', bytes: EAP_SUCCESS_BYTES },
    });
  }

  authExchange(
    draft,
    idPrefix,
    '1',
    { name: 'IKE_AUTH request (no AUTH: EAP)', payloads: `HDR, SK {IDi, N(INIT_CONTACT), CERTREQ, IDr, SAi2, TSi, TSr${requestNotifies}}`, inner: firstRequestInner },
    {
      name: `IKE_AUTH response: ${firstEap.name}`,
      payloads: 'HDR, SK {IDr, CERT, AUTH, EAP}',
      inner: gatewayAuthInner + eapPayloadBytes(firstEap.bytes),
      processingMs: half,
    },
    transport,
    basis,
  );
  eapMessages.forEach((pair, i) => {
    authExchange(
      draft,
      idPrefix,
      `${i + 2}`,
      { name: `IKE_AUTH request: ${pair.request.name}`, payloads: 'HDR, SK {EAP}', inner: eapPayloadBytes(pair.request.bytes) },
      { name: `IKE_AUTH response: ${pair.response.name}`, payloads: 'HDR, SK {EAP}', inner: eapPayloadBytes(pair.response.bytes) },
      transport,
      basis,
    );
  });
  authExchange(
    draft,
    idPrefix,
    'final',
    { name: 'IKE_AUTH request: AUTH from the EAP MSK', payloads: 'HDR, SK {AUTH}', inner: AUTH_PSK_PAYLOAD_BYTES },
    {
      name: 'IKE_AUTH response: AUTH, Child SA',
      payloads: `HDR, SK {AUTH, SAr2, TSi, TSr${mobikeNotifies}}`,
      inner: eapFinalResponseInnerBytes(mobike),
    },
    transport,
    basis,
  );
}

/** Messages of a fresh IKEv2 connection: IKE_SA_INIT (+ COOKIE / INVALID_KE), IKE_INTERMEDIATE, IKE_AUTH. */
export function ikev2ConnectSequence(options: Ikev2Options, path: PathContext, idPrefix = ''): MessageSpec[] {
  const draft = new SequenceDraft();
  appendConnect(draft, options, path, idPrefix);
  return draft.messages;
}

function appendConnect(draft: SequenceDraft, options: Ikev2Options, path: PathContext, idPrefix: string): void {
  addSaInit(draft, options, path, idPrefix);
  addIntermediate(draft, options, path, idPrefix);
  addAuth(draft, options, path, idPrefix);
}

/** Messages after the client's address changed: MOBIKE update, or a new IKE SA (reauthentication) without it. */
export function ikev2NetworkChangeSequence(options: Ikev2Options, path: PathContext): MessageSpec[] {
  const draft = new SequenceDraft();
  const transport = transportFor(options, path);
  if (!options.mobike) {
    // strongSwan 5.9.8 (make_before_break = no) sent this Delete from the new address on UDP 500
    // (lab); with make-before-break it goes over the old IKE SA's path after the new SA is up.
    const deleteTransport = options.reauthDeletesFirst ? { ...transport, onPort4500: false } : transport;
    const deleteBasis = estimatedBecause('the same 80-byte Delete and empty response the lab measured over MOBIKE (psk-modp2048); no run without MOBIKE');
    const deleteOld = ikeExchange({
      exchange: 'INFORMATIONAL',
      rfc: 'RFC 7296 §1.4.1',
      after: [],
      request: {
        id: 'delete-req',
        name: 'INFORMATIONAL request: Delete old IKE SA',
        payloads: 'HDR, SK {D}',
        size: encryptedIkeMessage(DELETE_IKE_SA_PAYLOAD_BYTES, deleteTransport),
        ...deleteBasis,
      },
      response: {
        id: 'delete-resp',
        name: 'INFORMATIONAL response',
        payloads: 'HDR, SK {}',
        size: encryptedIkeMessage(0, deleteTransport),
        ...deleteBasis,
      },
    });
    if (options.reauthDeletesFirst) {
      addExchange(draft, deleteOld);
      appendConnect(draft, options, path, 'new-');
    } else {
      appendConnect(draft, options, path, 'new-');
      const finished = draft.last();
      // make-before-break: the delete follows the new SA and is off the critical path
      draft.add(exchangeMessage(deleteOld, 'request', null, [finished]));
      draft.add(exchangeMessage(deleteOld, 'response', null, ['delete-req']));
    }
    return draft.messages;
  }

  if (options.mobikePathProbe) {
    const probe = { payloads: 'HDR, SK {}', size: encryptedIkeMessage(0, transport), ...measuredIn('mobike') };
    addIkeExchange(draft, {
      exchange: 'INFORMATIONAL',
      rfc: 'RFC 4555 §3.10',
      after: [],
      request: { id: 'probe-req', name: 'INFORMATIONAL request: path probe', ...probe },
      response: { id: 'probe-resp', name: 'INFORMATIONAL response', ...probe },
    });
  }
  const updateBasis = measuredIn('mobike');
  const updateRequest = {
    id: 'update-req',
    name: 'INFORMATIONAL request: UPDATE_SA_ADDRESSES',
    payloads: 'HDR, SK {N(UPD_SA_ADDR), N(NATD_S_IP), N(NATD_D_IP), N(COOKIE2), N(NO_ADD_ADDR)}',
    size: encryptedIkeMessage(MOBIKE_UPDATE_REQUEST_INNER_BYTES, transport),
    ...updateBasis,
  };
  const updateResponse = {
    id: 'update-resp',
    name: 'INFORMATIONAL response',
    payloads: 'HDR, SK {N(NATD_S_IP), N(NATD_D_IP), N(COOKIE2)}',
    size: encryptedIkeMessage(MOBIKE_UPDATE_RESPONSE_INNER_BYTES, transport),
    ...updateBasis,
  };
  const after = draft.messages.length > 0 ? [draft.last()] : [];
  if (!options.returnRoutabilityCheck) {
    addIkeExchange(draft, { exchange: 'INFORMATIONAL', rfc: 'RFC 4555 §3.5', after, request: updateRequest, response: updateResponse });
    return draft.messages;
  }
  // RFC 4555 §3.7: before moving its traffic the gateway checks the new address with its own
  // INFORMATIONAL (COOKIE2), then answers the update: two round trips.
  const check = {
    size: encryptedIkeMessage(RETURN_ROUTABILITY_INNER_BYTES, transport),
    ...estimatedBecause('strongSwan as gateway does not run this check, so the lab never saw it'),
  };
  const first = draft.nextRound();
  const base = { layer: 'IKEv2' as const, exchange: 'INFORMATIONAL', timer: 'ike' as const, processingMs: 0 };
  draft.add({ ...base, ...updateRequest, from: 'initiator', rfc: 'RFC 4555 §3.5', round: first, after });
  draft.add({
    ...base,
    ...check,
    id: 'rr-req',
    from: 'responder',
    name: 'INFORMATIONAL request: return routability check',
    payloads: 'HDR, SK {N(COOKIE2)}',
    rfc: 'RFC 4555 §3.7',
    round: first,
    after: ['update-req'],
  });
  const second = draft.nextRound();
  draft.add({
    ...base,
    ...check,
    id: 'rr-resp',
    from: 'initiator',
    name: 'INFORMATIONAL response',
    payloads: 'HDR, SK {N(COOKIE2)}',
    rfc: 'RFC 4555 §3.7',
    round: second,
    after: ['rr-req'],
  });
  draft.add({ ...base, ...updateResponse, from: 'responder', rfc: 'RFC 4555 §3.5', round: second, after: ['rr-resp'] });
  return draft.messages;
}

// The decision wizard's questions as data. Every question may be left
// unanswered; the evaluator then gives a less specific answer, never a wrong one.
// `param` is the query-string parameter the URL state uses for the question.

export const PLATFORM_IDS = [
  'windows',
  'macos',
  'ios',
  'android10',
  'android11',
  'android12',
  'chromeos',
  'linux',
  'legacy',
] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

export const ROAMING_IDS = ['yes', 'no'] as const;
export const UDP_BLOCKED_IDS = ['no', 'sometimes', 'yes'] as const;
export const NAT_IDS = ['yes', 'no'] as const;
export const AUTH_IDS = ['certificate', 'eap', 'psk'] as const;
export const SECURITY_IDS = ['current', 'fips', 'cnsa2', 'pq'] as const;
export const APP_IDS = ['yes', 'no'] as const;

export type Roaming = (typeof ROAMING_IDS)[number];
export type UdpBlocked = (typeof UDP_BLOCKED_IDS)[number];
export type NatAnswer = (typeof NAT_IDS)[number];
export type AuthMethod = (typeof AUTH_IDS)[number];
export type SecurityLevel = (typeof SECURITY_IDS)[number];
export type AppInstall = (typeof APP_IDS)[number];

/** A reader's answers; a missing key means "not answered". */
export interface Answers {
  readonly platforms?: readonly PlatformId[];
  readonly roaming?: Roaming;
  readonly udpBlocked?: UdpBlocked;
  readonly serverNat?: NatAnswer;
  readonly clientNat?: NatAnswer;
  readonly auth?: AuthMethod;
  readonly security?: SecurityLevel;
  readonly appInstall?: AppInstall;
}
export type QuestionId = keyof Answers;

export interface QuestionOption {
  readonly id: string;
  readonly label: string;
  readonly help?: string;
}

export interface Question {
  readonly id: QuestionId;
  readonly param: string;
  readonly kind: 'single' | 'multi';
  readonly label: string;
  readonly help: string;
  readonly options: readonly QuestionOption[];
}

export const PLATFORM_LABELS: Readonly<Record<PlatformId, string>> = {
  windows: 'Windows',
  macos: 'macOS',
  ios: 'iOS / iPadOS',
  android10: 'Android 10 or older',
  android11: 'Android 11',
  android12: 'Android 12 or newer',
  chromeos: 'ChromeOS',
  linux: 'Linux',
  legacy: 'Routers and legacy devices that only do L2TP/IPsec',
};

export const QUESTIONS: readonly Question[] = [
  {
    id: 'platforms',
    param: 'platforms',
    kind: 'multi',
    label: 'Which client platforms must connect?',
    help: 'Tick every kind of device that has to reach the VPN. Android is split by version because Android 11 added a built-in IKEv2 client and Android 12 stopped offering L2TP for new profiles.',
    options: [
      { id: 'windows', label: PLATFORM_LABELS.windows },
      { id: 'macos', label: PLATFORM_LABELS.macos },
      { id: 'ios', label: PLATFORM_LABELS.ios },
      { id: 'android10', label: PLATFORM_LABELS.android10, help: 'No built-in IKEv2 client; L2TP/IPsec is built in.' },
      { id: 'android11', label: PLATFORM_LABELS.android11, help: 'Built-in IKEv2 and L2TP/IPsec.' },
      { id: 'android12', label: PLATFORM_LABELS.android12, help: 'Built-in IKEv2 only; L2TP profiles can no longer be created.' },
      { id: 'chromeos', label: PLATFORM_LABELS.chromeos },
      { id: 'linux', label: PLATFORM_LABELS.linux },
      { id: 'legacy', label: PLATFORM_LABELS.legacy, help: 'Devices whose firmware offers L2TP/IPsec and nothing newer.' },
    ],
  },
  {
    id: 'roaming',
    param: 'roaming',
    kind: 'single',
    label: 'Do clients move between networks while connected?',
    help: 'For example phones switching between Wi-Fi and mobile data, or laptops moving between rooms and sites.',
    options: [
      { id: 'yes', label: 'Yes, they roam' },
      { id: 'no', label: 'No, they stay on one network' },
    ],
  },
  {
    id: 'udpBlocked',
    param: 'udp',
    kind: 'single',
    label: 'Do the networks your clients use block UDP 500/4500?',
    help: 'Hotels, guest Wi-Fi and some corporate networks let only web traffic out, which stops IKEv2 and L2TP/IPsec alike.',
    options: [
      { id: 'no', label: 'No, IPsec gets through' },
      { id: 'sometimes', label: 'Sometimes (travellers, guest networks)' },
      { id: 'yes', label: 'Yes, usually' },
    ],
  },
  {
    id: 'serverNat',
    param: 'servernat',
    kind: 'single',
    label: 'Is the VPN server behind NAT?',
    help: 'For example a server on a private address with ports forwarded from a router or a cloud load balancer.',
    options: [
      { id: 'yes', label: 'Yes' },
      { id: 'no', label: 'No, it has a public address' },
    ],
  },
  {
    id: 'clientNat',
    param: 'clientnat',
    kind: 'single',
    label: 'Are clients behind NAT?',
    help: 'Almost every home router, mobile network and hotel network translates addresses.',
    options: [
      { id: 'yes', label: 'Yes' },
      { id: 'no', label: 'No, they have public addresses' },
    ],
  },
  {
    id: 'auth',
    param: 'auth',
    kind: 'single',
    label: 'How should users authenticate?',
    help: 'Pick the method you plan to use for most users.',
    options: [
      { id: 'certificate', label: 'Certificates on each device' },
      { id: 'eap', label: 'Username and password (EAP)' },
      { id: 'psk', label: 'A shared key' },
    ],
  },
  {
    id: 'security',
    param: 'security',
    kind: 'single',
    label: 'What are your cryptographic requirements?',
    help: 'Current guidance means the algorithm requirements of RFC 8247 (IKEv2) and RFC 8221 (ESP).',
    options: [
      { id: 'current', label: 'Current IETF guidance (RFC 8247 / RFC 8221)' },
      {
        id: 'fips',
        label: 'FIPS 140-3 approved algorithms only',
        help: 'AES, SHA-2, and NIST curves or MODP groups of 2048 bits and more (NIST SP 800-56A Rev. 3).',
      },
      {
        id: 'cnsa2',
        label: 'CNSA 2.0 (NSA suite for national security systems)',
        help: 'AES-256, SHA-384, ECP-384 or MODP-3072 and more, plus ML-KEM-1024 as an additional key exchange (RFC 9370).',
      },
      { id: 'pq', label: 'Post-quantum protection of the key exchange' },
    ],
  },
  {
    id: 'appInstall',
    param: 'app',
    kind: 'single',
    label: 'May users install a VPN app?',
    help: 'Some organisations allow only the clients built into the operating system.',
    options: [
      { id: 'yes', label: 'Yes, an app is fine' },
      { id: 'no', label: 'No, built-in clients only' },
    ],
  },
];

/** The allowed option ids of each question, for validation. */
export const ALLOWED_ANSWERS: Readonly<Record<QuestionId, readonly string[]>> = {
  platforms: PLATFORM_IDS,
  roaming: ROAMING_IDS,
  udpBlocked: UDP_BLOCKED_IDS,
  serverNat: NAT_IDS,
  clientNat: NAT_IDS,
  auth: AUTH_IDS,
  security: SECURITY_IDS,
  appInstall: APP_IDS,
};

export function questionById(id: QuestionId): Question {
  const question = QUESTIONS.find((q) => q.id === id);
  if (question === undefined) throw new Error(`no question with id ${id}`);
  return question;
}

export function optionLabel(id: QuestionId, optionId: string): string {
  return questionById(id).options.find((o) => o.id === optionId)?.label ?? optionId;
}

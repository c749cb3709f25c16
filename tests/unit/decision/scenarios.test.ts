// Representative scenarios: expected plan with the primary source that justifies it.
import { describe, expect, it } from 'vitest';
import { evaluate, type Answers, type OptionId, type PlatformId } from '../../../src/lib/decision/index';

interface Row {
  name: string;
  answers: Answers;
  primary: OptionId;
  /** Other plan entries as 'option:role:platforms', in plan order (entries of a role by rank). */
  also?: string[];
  source: string;
}

const rows: Row[] = [
  { name: 'nothing answered', answers: {}, primary: 'ikev2', source: 'RFC 9395 §1: IKEv1 is deprecated, so IKEv2/IPsec is the default; RFC 8247 §1' },
  {
    name: 'desktop and Apple fleet that roams, certificates',
    answers: { platforms: ['windows', 'macos', 'ios'], roaming: 'yes', auth: 'certificate' },
    primary: 'ikev2',
    source: 'RFC 4555 §3.5 (MOBIKE); Apple VPN overview (IKEv2 built in, MOBIKE)',
  },
  {
    name: 'Android 12 phones plus L2TP-only routers',
    answers: { platforms: ['android12', 'legacy'] },
    primary: 'ikev2',
    also: ['l2tp:additional:legacy'],
    source: 'android-ikev2vpnprofile: Android 12 creates IKEv2 profiles only; L2TP/IPsec for clients that cannot do IKEv2 (RFC 9395 §1)',
  },
  {
    name: 'Android 10 only, built-in clients only',
    answers: { platforms: ['android10'], appInstall: 'no' },
    primary: 'l2tp',
    source: 'android-ikev2vpnprofile: the built-in IKEv2 client arrived in Android 11 (API 30)',
  },
  {
    name: 'Android 10 only, an app is fine',
    answers: { platforms: ['android10'], appInstall: 'yes' },
    primary: 'ikev2',
    source: 'strongswan-android-build-gradle: the strongSwan app brings IKEv2 where the OS lacks it',
  },
  {
    name: 'Windows only, UDP usually blocked',
    answers: { platforms: ['windows'], udpBlocked: 'yes' },
    primary: 'sstp',
    source: 'ms-sstp §1: where UDP 500/4500 is blocked, SSTP runs over TCP 443 on Windows',
  },
  {
    name: 'iOS and Android 12, UDP usually blocked, apps allowed',
    answers: { platforms: ['ios', 'android12'], udpBlocked: 'yes', appInstall: 'yes' },
    primary: 'openvpn-tcp',
    source: 'openvpn-manual: a TLS VPN such as OpenVPN over TCP 443; SSTP has no built-in Apple/Android client (apple-vpn-overview)',
  },
  {
    name: 'Linux only, UDP usually blocked',
    answers: { platforms: ['linux'], udpBlocked: 'yes' },
    primary: 'ikev2-tcp',
    source: 'RFC 9329 §2: IKEv2 over TCP where both ends support it; libreswan-ipsec-conf enable-tcp/listen-tcp',
  },
  {
    name: 'Windows travellers, UDP sometimes blocked',
    answers: { platforms: ['windows'], udpBlocked: 'sometimes', roaming: 'yes' },
    primary: 'ikev2',
    also: ['sstp:tcp-fallback:windows'],
    source: 'ms-sstp §1: SSTP on Windows where UDP is blocked (hotels block IPsec)',
  },
  {
    name: 'Windows and macOS, UDP sometimes blocked, apps allowed: built-in SSTP preferred on Windows',
    answers: { platforms: ['windows', 'macos'], udpBlocked: 'sometimes', appInstall: 'yes' },
    primary: 'ikev2',
    also: ['openvpn-tcp:tcp-fallback:macos', 'sstp:tcp-fallback:windows'],
    source: 'apple-vpn-overview: other protocols need a companion app',
  },
  {
    name: 'post-quantum on Windows and Linux, apps allowed',
    answers: { platforms: ['windows', 'linux'], security: 'pq', appInstall: 'yes' },
    primary: 'ikev2',
    also: ['wireguard:additional:windows'],
    source: 'strongswan-news: hybrid ML-KEM in strongSwan 6.0; libreswan-changes (5.4), apple-nevpn-pq, none in ms-set-vpnconnectionipsecconfiguration; wg-manpage preshared key',
  },
  {
    name: 'FIPS 140-3 algorithms on Linux with apps allowed: WireGuard ruled out',
    answers: { platforms: ['linux'], security: 'fips', appInstall: 'yes' },
    primary: 'ikev2',
    source: "wireguard-paper §5.4: a fixed suite (Noise_IKpsk2_25519_ChaChaPoly_BLAKE2s) with no FIPS-approved alternative; nist-sp-800-56a-r3",
  },
  {
    name: 'FIPS 140-3 algorithms on Android 12: the built-in IKEv2 client qualifies (MODP-2048+)',
    answers: { platforms: ['android12'], security: 'fips', appInstall: 'yes' },
    primary: 'ikev2',
    source: 'nist-sp-800-56a-r3: Appendix D approves the RFC 3526 MODP groups; aosp-vpnikev2utils proposes MODP-2048/3072/4096',
  },
  {
    name: 'CNSA 2.0 on macOS and Linux with apps allowed: only IKEv2 offers ML-KEM-1024',
    answers: { platforms: ['macos', 'linux'], security: 'cnsa2', appInstall: 'yes' },
    primary: 'ikev2',
    source: 'nsa-cnsa-2: ML-KEM-1024; strongswan-news 6.0.0 (ML-KEM); apple-nevpn-pq (method37 = ML-KEM-1024)',
  },
  {
    name: 'every platform, apps allowed: IKEv2 still first',
    answers: { platforms: ['windows', 'macos', 'ios', 'android11', 'android12', 'chromeos', 'linux'], appInstall: 'yes' },
    primary: 'ikev2',
    source: 'wireguard-home: WireGuard needs an app on Windows and Apple systems; IKEv2 is built in (apple-vpn-overview)',
  },
  {
    name: 'L2TP-only devices alone',
    answers: { platforms: ['legacy'] },
    primary: 'l2tp',
    source: 'RFC 9395 §1: IKEv1 is deprecated, so L2TP/IPsec only for clients that cannot do IKEv2',
  },
  {
    name: 'Linux only, roaming, apps allowed',
    answers: { platforms: ['linux'], roaming: 'yes', appInstall: 'yes' },
    primary: 'ikev2',
    source: 'RFC 4555 §3.5: MOBIKE keeps IKEv2 the default for roaming',
  },
];

describe('decision model: representative scenarios', () => {
  it.each(rows)('$name -> $primary ($source)', ({ answers, primary, also }) => {
    const result = evaluate(answers);
    expect(result.recommendation.option).toBe(primary);
    const others = result.plan.slice(1).map((e) => `${e.option}:${e.role}:${e.platforms.join(',')}`);
    expect(others).toEqual(also ?? []);
  });

  it('PPTP is never recommended, whatever the answers (RFC 2637; ms-chap-security)', () => {
    const result = evaluate({ platforms: ['windows'], udpBlocked: 'yes', appInstall: 'no', auth: 'eap' });
    const pptp = result.ranking.find((o) => o.option === 'pptp');
    expect(pptp?.status).toBe('excluded');
    expect(pptp?.rank).toBe(result.ranking.length);
  });
});

describe('decision model: reasons follow the answers', () => {
  const reasonTexts = (answers: Answers, option: OptionId) =>
    evaluate(answers).ranking.find((o) => o.option === option)?.reasons ?? [];

  it.each([
    {
      answers: { platforms: ['windows'] as PlatformId[], serverNat: 'yes' as const },
      option: 'l2tp' as OptionId,
      question: 'serverNat',
      contains: 'AssumeUDPEncapsulationContextOnSendRule',
      source: 'hwdsl2-clients: error 809, the AssumeUDPEncapsulationContextOnSendRule registry fix',
    },
    {
      answers: { platforms: ['macos'] as PlatformId[], serverNat: 'yes' as const },
      option: 'l2tp' as OptionId,
      question: 'serverNat',
      contains: 'RFC 3947/3948',
      source: 'RFC 3948 §2.1: IKEv1 NAT-T (RFC 3947); the Windows registry caveat does not apply without Windows',
    },
    {
      answers: { roaming: 'yes' as const },
      option: 'ikev2' as OptionId,
      question: 'roaming',
      contains: 'MOBIKE',
      source: 'RFC 4555 §3.5',
    },
    {
      answers: { auth: 'eap' as const },
      option: 'wireguard' as OptionId,
      question: 'auth',
      contains: 'no username/password',
      source: 'wireguard-paper §5.4: WireGuard authenticates by static keys (Noise IK), no username/password',
    },
  ])('$option gets a $question reason mentioning "$contains" ($source)', ({ answers, option, question, contains }) => {
    const reasons = reasonTexts(answers, option).filter((r) => r.cause?.question === question);
    expect(reasons.some((r) => r.text.includes(contains))).toBe(true);
  });

  it('IKEv1 and WireGuard pre-shared keys are judged by one rule for post-quantum (RFC 8784 §1)', () => {
    const pskReasons = (option: OptionId) =>
      reasonTexts({ security: 'pq' }, option).filter((r) => r.text.includes('strong, secret and set per peer'));
    // WireGuard keys are per peer (wg(8) preshared-key) and earn the credit; an L2TP/IPsec group
    // key shared by every user (RFC 2409 §5.4) does not.
    expect(pskReasons('wireguard').map((r) => r.effect)).toEqual(['for']);
    expect(pskReasons('l2tp').map((r) => r.effect)).toEqual(['against']);
    expect(pskReasons('l2tp')[0]?.text).toContain('group key');
  });

  it.each([
    { security: 'fips' as const, platform: 'android12' as PlatformId, caveat: 'Android', expected: false, source: 'nist-sp-800-56a-r3: MODP-2048 and larger are approved' },
    { security: 'cnsa2' as const, platform: 'android12' as PlatformId, caveat: 'Android', expected: true, source: 'aosp-vpnikev2utils: no ML-KEM' },
    { security: 'cnsa2' as const, platform: 'windows' as PlatformId, caveat: 'Windows', expected: true, source: 'ms-set-vpnconnectionipsecconfiguration: no ML-KEM group' },
    { security: 'cnsa2' as const, platform: 'macos' as PlatformId, caveat: 'cannot meet', expected: false, source: 'apple-nevpn-pq: ML-KEM-1024 in Apple 26' },
  ])('$security on $platform: IKEv2 caveat about "$caveat" is $expected ($source)', ({ security, platform, caveat, expected }) => {
    const ikev2 = evaluate({ platforms: [platform], security }).ranking.find((o) => o.option === 'ikev2');
    expect(ikev2?.caveats.some((c) => c.text.includes(caveat))).toBe(expected);
  });

  it('a reason that depends on Windows does not fire without Windows', () => {
    const reasons = reasonTexts({ platforms: ['macos'], serverNat: 'yes' }, 'l2tp');
    expect(reasons.some((r) => r.text.includes('AssumeUDPEncapsulationContextOnSendRule'))).toBe(false);
  });

  it('unanswered questions produce notes, answered ones do not', () => {
    const result = evaluate({ roaming: 'yes' });
    const noted = result.notes.map((n) => n.question);
    expect(noted).not.toContain('roaming');
    expect(noted).toEqual(['platforms', 'udpBlocked', 'serverNat', 'clientNat', 'auth', 'security', 'appInstall']);
    expect(result.platformsAssumed).toBe(true);
  });
});

// Representative scenarios: expected plan with the source that justifies it.
// "facts" refers to the project's reference report (shared/reference/facts.md).
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
  { name: 'nothing answered', answers: {}, primary: 'ikev2', source: 'facts §2.7: IKEv2/IPsec is the default choice' },
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
    source: 'facts §2.5 (Android 12 cannot create L2TP profiles); §2.7 (L2TP/IPsec only for clients that cannot do IKEv2)',
  },
  {
    name: 'Android 10 only, built-in clients only',
    answers: { platforms: ['android10'], appInstall: 'no' },
    primary: 'l2tp',
    source: 'Android added the built-in IKEv2 client in Android 11 (Ikev2VpnProfile, API 30)',
  },
  {
    name: 'Android 10 only, an app is fine',
    answers: { platforms: ['android10'], appInstall: 'yes' },
    primary: 'ikev2',
    source: 'facts Q13: use IKEv2 through the strongSwan app where the OS lacks it',
  },
  {
    name: 'Windows only, UDP usually blocked',
    answers: { platforms: ['windows'], udpBlocked: 'yes' },
    primary: 'sstp',
    source: 'facts §2.7: where UDP 500/4500 is blocked, use SSTP on Windows; MS-SSTP §1',
  },
  {
    name: 'iOS and Android 12, UDP usually blocked, apps allowed',
    answers: { platforms: ['ios', 'android12'], udpBlocked: 'yes', appInstall: 'yes' },
    primary: 'openvpn-tcp',
    source: 'facts §2.7: otherwise a TLS VPN such as OpenVPN over TCP 443; SSTP has no Apple/Android client',
  },
  {
    name: 'Linux only, UDP usually blocked',
    answers: { platforms: ['linux'], udpBlocked: 'yes' },
    primary: 'ikev2-tcp',
    source: 'facts §2.7 and libreswan ipsec.conf(5) enable-tcp/listen-tcp: IKEv2 over TCP where both ends support RFC 9329',
  },
  {
    name: 'Windows travellers, UDP sometimes blocked',
    answers: { platforms: ['windows'], udpBlocked: 'sometimes', roaming: 'yes' },
    primary: 'ikev2',
    also: ['sstp:tcp-fallback:windows'],
    source: 'facts §2.7 (SSTP on Windows where UDP is blocked); MS-SSTP §1 (hotels block IPsec)',
  },
  {
    name: 'Windows and macOS, UDP sometimes blocked, apps allowed: built-in SSTP preferred on Windows',
    answers: { platforms: ['windows', 'macos'], udpBlocked: 'sometimes', appInstall: 'yes' },
    primary: 'ikev2',
    also: ['openvpn-tcp:tcp-fallback:macos', 'sstp:tcp-fallback:windows'],
    source: 'facts §2.7; Apple VPN overview (other protocols need a companion app)',
  },
  {
    name: 'post-quantum on Windows and Linux, apps allowed',
    answers: { platforms: ['windows', 'linux'], security: 'pq', appInstall: 'yes' },
    primary: 'ikev2',
    also: ['wireguard:additional:windows'],
    source: 'facts Q25: hybrid ML-KEM in strongSwan 6.0 / libreswan 5.4 / Apple 26, none documented for Windows; wg(8) preshared key',
  },
  {
    name: 'NIST suites on Linux with apps allowed: WireGuard ruled out',
    answers: { platforms: ['linux'], security: 'nist', appInstall: 'yes' },
    primary: 'ikev2',
    source: "WireGuard's fixed suite (Noise_IKpsk2_25519_ChaChaPoly_BLAKE2s) cannot use NIST algorithms",
  },
  {
    name: 'every platform, apps allowed: IKEv2 still first',
    answers: { platforms: ['windows', 'macos', 'ios', 'android11', 'android12', 'chromeos', 'linux'], appInstall: 'yes' },
    primary: 'ikev2',
    source: 'facts §2.7: WireGuard is an alternative if an app is acceptable, IKEv2 the default',
  },
  {
    name: 'L2TP-only devices alone',
    answers: { platforms: ['legacy'] },
    primary: 'l2tp',
    source: 'facts §2.7: keep L2TP/IPsec only for clients that cannot do IKEv2',
  },
  {
    name: 'Linux only, roaming, apps allowed',
    answers: { platforms: ['linux'], roaming: 'yes', appInstall: 'yes' },
    primary: 'ikev2',
    source: 'facts §2.7: IKEv2 by default; RFC 4555 (MOBIKE)',
  },
];

describe('decision model: representative scenarios', () => {
  it.each(rows)('$name -> $primary ($source)', ({ answers, primary, also }) => {
    const result = evaluate(answers);
    expect(result.recommendation.option).toBe(primary);
    const others = result.plan.slice(1).map((e) => `${e.option}:${e.role}:${e.platforms.join(',')}`);
    expect(others).toEqual(also ?? []);
  });

  it('PPTP is never recommended, whatever the answers (RFC 2637; facts §2.7 "never use PPTP")', () => {
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
      source: 'hwdsl2 docs/clients.md (error 809, registry fix)',
    },
    {
      answers: { platforms: ['macos'] as PlatformId[], serverNat: 'yes' as const },
      option: 'l2tp' as OptionId,
      question: 'serverNat',
      contains: 'RFC 3947/3948',
      source: 'RFC 3947/3948: IKEv1 NAT-T; the Windows registry caveat does not apply without Windows',
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
      source: 'WireGuard authenticates by static keys (Noise IK)',
    },
  ])('$option gets a $question reason mentioning "$contains" ($source)', ({ answers, option, question, contains }) => {
    const reasons = reasonTexts(answers, option).filter((r) => r.cause?.question === question);
    expect(reasons.some((r) => r.text.includes(contains))).toBe(true);
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

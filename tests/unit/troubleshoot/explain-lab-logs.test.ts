// The explainer on every real log from the lab (tests/lab/results/logs/, produced by
// tests/lab/scenarios/logs.ts and pluto-logs.ts): expected causes and outcomes are literals in
// expected.json and expected-pluto.json.
import { describe, expect, test } from 'vitest';
import { diagnoseLog, redactLog } from '../../../src/lib/troubleshoot';
import { EXPECTED, EXPECTED_PLUTO, FIXTURES, fixture } from './fixtures';

const ids = (text: string) => diagnoseLog(text).causes.map((c) => c.id);

describe('every lab log gives the expected causes, in order', () => {
  test('the fixture set covers every case on both sides at both log levels', () => {
    expect(FIXTURES).toHaveLength(Object.keys(EXPECTED.cases).length * 4 + Object.keys(EXPECTED_PLUTO.cases).length * 2);
  });

  test.each(FIXTURES.map((f) => [f.name, f] as const))('%s', (_, f) => {
    const d = diagnoseLog(f.text);
    expect(d.causes.map((c) => c.id)).toEqual(f.expected.causes);
    expect(d.outcome).toBe(f.expected.outcome);
    expect(d.daemon).toBe(f.daemon);
    const lines = f.text.split('\n');
    for (const cause of d.causes) {
      expect(cause.evidence.length).toBeGreaterThan(0);
      for (const n of cause.evidence) expect(lines[n - 1]).toBeDefined();
    }
  });
});

describe('the evidence is the line that shows the cause', () => {
  // [fixture, cause, a literal text its evidence must include]
  const rows: [string, string, string][] = [
    ['ike-proposal/responder', 'no-proposal-ike', 'received proposals unacceptable'],
    ['ike-proposal/responder', 'no-proposal-ike', 'configured proposals: IKE:AES_GCM_16_256/PRF_HMAC_SHA2_384/ECP_384'],
    ['esp-proposal/responder', 'no-proposal-esp', 'received proposals: ESP:AES_CBC_128/HMAC_SHA1_96/NO_EXT_SEQ'],
    ['wrong-psk/responder', 'auth-psk', "but MAC mismatched"],
    ['cert-id/initiator', 'auth-cert-id', "constraint check failed: identity '*.example.org' required"],
    ['cert-untrusted/initiator', 'cert-untrusted', 'no issuer certificate found for'],
    ['eap-failed/responder', 'eap-failed', 'EAP method EAP_MD5 failed for peer'],
    ['eap-mschapv2-failed/responder', 'eap-failed', 'EAP-MS-CHAPv2 verification failed, retry (1)'],
    ['eap-mschapv2-failed/responder', 'eap-failed', 'parsed INFORMATIONAL request 4 [ N(AUTH_FAILED) ]'],
    ['eap-mschapv2-failed/initiator', 'eap-failed', "EAP-MS-CHAPv2 failed with error ERROR_AUTHENTICATION_FAILURE: '(null)'"],
    ['eap-mschapv2-failed/initiator', 'eap-failed', 'EAP_MSCHAPV2 method failed'],
    ['drop-500/initiator', 'no-response-500', 'giving up after 2 retransmits'],
    ['drop-4500/initiator', 'no-response-4500', 'retransmit 2 of request with message ID 1'],
    ['frag-drop/initiator', 'ike-fragmentation', 'generating IKE_AUTH request 1'],
    ['drop-4500/responder', 'no-response-4500', 'deleting half open IKE_SA'],
    ['ts-unacceptable/responder', 'ts-unacceptable', 'traffic selectors 203.0.113.200/32 === 203.0.113.10/32 unacceptable'],
    ['no-ike-config/responder', 'no-ike-config', 'no IKE config found for 198.51.100.10...192.0.2.10'],
    ['no-peer-config/responder', 'no-peer-config', 'looking for peer configs matching'],
    ['rekey-pfs/initiator', 'rekey-failed', 'CHILD_SA rekeying failed'],
    ['ke-retry/initiator', 'ke-retry', "peer didn't accept DH group ECP_256, it requested MODP_2048"],
  ];
  test.each(rows)('%s %s: %s', (name, id, literal) => {
    const f = fixture(name);
    const lines = f.text.split('\n');
    const cause = diagnoseLog(f.text).causes.find((c) => c.id === id)!;
    expect(cause.evidence.map((n) => lines[n - 1]).some((l) => l!.includes(literal))).toBe(true);
  });
});

describe('facts read from the logs', () => {
  test('the fragmented IKE_AUTH is reported with its logged size (1808 bytes, lab frag-drop)', () => {
    const d = diagnoseLog(fixture('frag-drop/initiator').text);
    expect(d.verdict).toContain('1808 bytes');
    expect(d.stage).toBe('IKE_AUTH');
    const authStep = d.steps.find((s) => s.exchange === 'IKE_AUTH' && s.direction === 'out')!;
    expect([authStep.bytes, authStep.remotePort, authStep.retransmits, authStep.answered]).toEqual([1808, 4500, 2, false]);
  });
  test('roles, addresses and stages', () => {
    const i = diagnoseLog(fixture('drop-500/initiator').text);
    expect([i.role, i.local, i.remote, i.stage]).toEqual(['initiator', '192.0.2.10', '198.51.100.10', 'IKE_SA_INIT']);
    const r = diagnoseLog(fixture('esp-proposal/responder').text);
    expect([r.role, r.local, r.remote, r.stage]).toEqual(['responder', '198.51.100.10', '192.0.2.10', 'CHILD_SA']);
  });
  test('proposal causes hand the server\u2019s configured proposals to the proposal matcher', () => {
    const ike = diagnoseLog(fixture('ike-proposal/responder').text).causes[0]!;
    expect(ike.links.map((l) => l.href)).toContain('/tools/proposals/?v=1&ike=aes256gcm16-prfsha384-ecp384');
    const rekey = diagnoseLog(fixture('rekey-pfs/responder').text).causes[0]!;
    expect(rekey.links.map((l) => l.href)).toContain('/tools/proposals/?v=1&esp=aes256-sha256');
  });
  test('port causes link the port checklist for the scenario seen (IPv4, NAT detected by both lab peers)', () => {
    const c = diagnoseLog(fixture('drop-4500/initiator').text).causes[0]!;
    expect(c.links.map((l) => l.href)).toContain('/tools/ports/?v=1&proto=ikev2&cnat=no&snat=yes&family=4');
  });
  test('every cause links its section of the troubleshooting chapter', () => {
    for (const f of FIXTURES) for (const c of diagnoseLog(f.text).causes) expect(c.links[0]!.href).toMatch(/^\/guide\/troubleshooting\/#[a-z0-9_-]+$/);
  });
});

describe('the same logs in the other forms charon is read in', () => {
  // the harness log ("18:23:26.564 16[IKE] message") -> syslog ("host charon: 16[IKE] message"),
  // journal (charon-systemd keeps thread and group in journal fields, so only the message is
  // printed) and journal in short-iso form
  const debug = FIXTURES.filter((f) => f.daemon === 'charon' && f.name.endsWith('-debug'));
  const lines = (t: string) => t.split('\n').filter((l) => l !== '').map((l) => l.replace(/^\d\d:\d\d:\d\d\.\d+ /, ''));
  const bare = (l: string) => l.replace(/^\d+\[[A-Z]+\] /, '');
  const syslog = (t: string) => lines(t).map((l) => `Dec  3 17:28:44 gw charon: ${l}`).join('\n');
  const journal = (t: string) => lines(t).map((l) => `Dec 03 17:28:44 gw charon-systemd[812]: ${bare(l)}`).join('\n');
  const iso = (t: string) => lines(t).map((l) => `2026-12-03T17:28:44.123456+00:00 gw charon-systemd[812]: ${bare(l)}`).join('\r\n');
  const plain = (t: string) => lines(t).join('\n');
  test.each(debug.map((f) => [f.name, f] as const))('%s', (_, f) => {
    expect(ids(syslog(f.text))).toEqual(f.expected.causes);
    expect(ids(journal(f.text))).toEqual(f.expected.causes);
    expect(ids(iso(f.text))).toEqual(f.expected.causes);
    expect(ids(plain(f.text))).toEqual(f.expected.causes);
  });
});

describe('a redacted log diagnoses the same', () => {
  test.each(FIXTURES.map((f) => [f.name, f] as const))('%s', (_, f) => {
    expect(ids(redactLog(f.text).text)).toEqual(f.expected.causes);
  });
});

describe('pluto (libreswan 4.10) logs from the lab', () => {
  // [fixture, cause, a literal text its evidence must include]
  const rows: [string, string, string][] = [
    ['pluto-ike-proposal/responder', 'no-proposal-ike', 'no local proposal matches remote proposals 1:IKE:ENCR=AES_CBC_128'],
    ['pluto-ike-proposal/initiator', 'no-proposal-ike', 'dropping unexpected IKE_SA_INIT message containing NO_PROPOSAL_CHOSEN'],
    ['pluto-esp-proposal/responder', 'no-proposal-esp', 'no local proposal matches remote proposals 1:ESP:ENCR=AES_CBC_128'],
    ['pluto-esp-proposal/initiator', 'no-proposal-esp', 'IKE_AUTH response rejected Child SA with NO_PROPOSAL_CHOSEN'],
    ['pluto-wrong-psk/responder', 'auth-psk', 'computed hash does not match hash received from peer'],
    ['pluto-wrong-psk/initiator', 'auth-psk', 'IKE SA authentication request rejected by peer: AUTHENTICATION_FAILED'],
    ['pluto-drop-500/initiator', 'no-response-500', '4 second timeout exceeded after 3 retransmits'],
    ['pluto-success/initiator', 'ts-unacceptable', 'IKE_AUTH response rejected Child SA with TS_UNACCEPTABLE'],
  ];
  test.each(rows)('%s %s: %s', (name, id, literal) => {
    const f = fixture(name);
    const lines = f.text.split('\n');
    const cause = diagnoseLog(f.text).causes.find((c) => c.id === id)!;
    expect(cause.evidence.map((n) => lines[n - 1]).some((l) => l!.includes(literal))).toBe(true);
  });

  test('the unanswered IKE_SA_INIT: port, retransmissions, peer (lab pluto-drop-500)', () => {
    const d = diagnoseLog(fixture('pluto-drop-500/initiator').text);
    expect([d.role, d.remote, d.stage]).toEqual(['initiator', '198.51.100.10', 'IKE_SA_INIT']);
    const init = d.steps.find((s) => s.exchange === 'IKE_SA_INIT')!;
    expect([init.remotePort, init.retransmits, init.answered]).toEqual([500, 3, false]);
  });

  test('an IKE_SA_INIT refused with NO_PROPOSAL_CHOSEN counts as answered, not as a blocked port', () => {
    const d = diagnoseLog(fixture('pluto-ike-proposal/initiator').text);
    expect(d.steps.find((s) => s.exchange === 'IKE_SA_INIT')!.answered).toBe(true);
    expect(d.causes.map((c) => c.id)).not.toContain('no-response-500');
  });

  // the same lines with pluto's logtime=yes prefix (format as pluto 4.10 wrote it in the lab:
  // "Dec  3 21:06:45.722410: "), as syslog/journal lines and as whack prints them
  const plutoFixtures = FIXTURES.filter((f) => f.daemon === 'pluto');
  const lines = (t: string) => t.split('\n').filter((l) => l !== '');
  const timed = (t: string) => lines(t).map((l) => `Dec  3 21:06:45.722410: ${l}`).join('\n');
  const syslog = (t: string) => lines(t).map((l) => `Dec  3 21:06:45 gw pluto[1036]: ${l}`).join('\n');
  const journal = (t: string) => lines(t).map((l) => `2026-12-03T21:06:45+0000 gw pluto[1036]: ${l}`).join('\r\n');
  test.each(plutoFixtures.map((f) => [f.name, f] as const))('%s in its other forms', (_, f) => {
    for (const form of [timed, syslog, journal]) {
      const d = diagnoseLog(form(f.text));
      expect(d.causes.map((c) => c.id)).toEqual(f.expected.causes);
      expect(d.outcome).toBe(f.expected.outcome);
      expect(d.daemon).toBe('pluto');
    }
  });
});

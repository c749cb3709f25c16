// The builder's L2TP/IPsec files against the committed lab run (tests/lab/results/l2tp-configs.json,
// `npm run lab -- l2tp-configs`): charon with the generated swanctl.conf, xl2tpd with the generated
// xl2tpd.conf, pppd with the generated options file. Every expectation is a literal with its source;
// where the builder must still agree with the run, today's builder is held to the same literals.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildConfig, type ConfigState } from '../../../src/lib/config';
import { clientById, type ClientId } from '../../../src/lib/proposals/clients';

interface Run {
  strongswan: string;
  settings: { inputs: ConfigState; clients: string[] };
  records: { id: string; [key: string]: unknown }[];
}
const RESULT = 'tests/lab/results/l2tp-configs.json';
const run = JSON.parse(readFileSync(RESULT, 'utf8')) as Run;
const record = (id: string) => run.records.find((r) => r.id === id)!;

describe('the committed l2tp-configs run', () => {
  it('covers the four L2TP client kinds, xl2tpd with and without the length bit, and pppd', () => {
    expect(run.strongswan).toMatch(/^strongSwan 5\.9\.8/);
    expect(run.records.map((r) => r.id)).toEqual([
      'ikev1/windows-l2tp', 'ikev1/apple-l2tp', 'ikev1/android-l2tp', 'ikev1/chromeos-l2tp',
      'xl2tpd/generated', 'xl2tpd/with-length-bit', 'pppd/generated', 'pppd/misspelt',
    ]);
  });

  it('used documentation addresses only (RFC 5737)', () => {
    const { gateway, pool4, dns, routes, l2tppool } = run.settings.inputs;
    expect({ gateway, pool4, dns, routes, l2tppool }).toEqual({
      gateway: '198.51.100.10', pool4: '203.0.113.96/28', dns: '203.0.113.53', routes: '203.0.113.200/32', l2tppool: '203.0.113.64/28',
    });
  });
});

describe('IKEv1 with the generated swanctl.conf (server charon log)', () => {
  // [client, Main Mode, Quick Mode, matcher's Main Mode keywords, matcher's Quick Mode keywords]; source: RESULT,
  // the server's "selected proposal" lines (strongSwan transform names, RFC 2409 §5 Main Mode, §5.5 Quick Mode).
  const ROWS: [ClientId, string, string, string, string][] = [
    ['windows-l2tp', 'IKE:AES_CBC_256/HMAC_SHA1_96/PRF_HMAC_SHA1/ECP_384', 'ESP:AES_CBC_256/HMAC_SHA1_96/NO_EXT_SEQ', 'aes256-sha1-prfsha1-ecp384', 'aes256-sha1'],
    ['apple-l2tp', 'IKE:AES_CBC_256/HMAC_SHA2_512_256/PRF_HMAC_SHA2_512/MODP_2048', 'ESP:AES_CBC_256/HMAC_SHA1_96/NO_EXT_SEQ', 'aes256-sha512-prfsha512-modp2048', 'aes256-sha1'],
    ['android-l2tp', 'IKE:AES_CBC_256/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024', 'ESP:AES_CBC_256/HMAC_SHA1_96/NO_EXT_SEQ', 'aes256-sha1-prfsha1-modp1024', 'aes256-sha1'],
    ['chromeos-l2tp', 'IKE:AES_CBC_128/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_3072', 'ESP:AES_GCM_16_128/NO_EXT_SEQ', 'aes128-sha256-prfsha256-modp3072', 'aes128gcm16'],
  ];

  it.each(ROWS)('%s: Main Mode established on the L2TP connection, the server chose %s and %s', (id, ike, esp) => {
    const r = record(`ikev1/${id}`);
    expect(r.serverConnection).toBe('lab-vpn-l2tp');
    expect(r.serverMainMode).toBe('established');
    expect(r.serverSelected).toEqual([ike, esp]);
  });

  it.each(ROWS)('%s: the initiator had the client\u2019s offers (src/lib/proposals/clients.ts) and the matcher predicts the same choice', (id, _ike, _esp, ike, esp) => {
    const offers = clientById(id).offers;
    expect(record(`ikev1/${id}`).clientProposals).toEqual({ ike: offers.ike, esp: offers.esp });
    const verdict = buildConfig(run.settings.inputs, 'k').verdicts.find((v) => v.client.id === id)!;
    const chosen = (stage: string) => verdict.stages.find((s) => s.stage === stage)!.attempts.find((a) => a.ok)!.selected;
    expect([chosen('ike'), chosen('child')]).toEqual([ike, esp]);
  });

  it.each(ROWS)('%s: the initiator could not install the transport-mode SA (the measured limit)', (id) => {
    // strongSwan src/libipsec/ipsec_sa.c ipsec_sa_create(): any mode but MODE_TUNNEL is "unsupported mode".
    expect(record(`ikev1/${id}`).clientSaInstall).toEqual(['IPsec SA: unsupported mode', 'unable to install inbound and outbound IPsec SA (SAD) in kernel']);
  });
});

describe('xl2tpd with the generated xl2tpd.conf', () => {
  const generated = record('xl2tpd/generated');

  it('listened on UDP 1701 (ss) and ran in user-space mode (no L2TP in this kernel)', () => {
    expect(generated.listening).toBe('0.0.0.0:1701');
    expect(generated.lnsLog).toEqual([
      'L2TP kernel support not detected (try modprobing l2tp_ppp and pppol2tp)',
      'Listening on IP address 0.0.0.0, port 1701',
      "Connection established to 192.0.2.10, 1701.  Local: #, Remote: # (ref=#/#).  LNS session is 'default'",
      'Call established with 192.0.2.10, PID: #, Local: #, Remote: #, Serial: 1',
    ]);
  });

  it('completed the tunnel (RFC 2661 §5.1) and incoming call (§5.2) handshakes with a LAC (capture)', () => {
    expect(generated.control).toEqual(['LAC SCCRQ', 'LNS SCCRP', 'LAC SCCCN', 'LAC ICRQ', 'LNS ICRP', 'LAC ICCN']);
  });

  it('started pppd with the pool addresses and the generated options file (xl2tpd.c start_pppd)', () => {
    expect(generated.lnsStartsPppdWith).toBe('<pty> passive nodetach 203.0.113.65:203.0.113.66 refuse-pap auth require-chap name lab-vpn file <dir>/options.xl2tpd');
  });

  it('sent a 6-byte data header, the size the PPP MTU allows for; `length bit = yes` makes it 8', () => {
    // RFC 2661 §3.1: the L bit adds the 2-byte Length field; xl2tpd call.c add_payload_hdr; overhead preset 'l2tp-linux'.
    expect(generated.dataHeaderBytes).toEqual(['LAC 6', 'LNS 6']);
    expect(record('xl2tpd/with-length-bit').dataHeaderBytes).toEqual(['LAC 6', 'LNS 8']);
    const build = buildConfig(run.settings.inputs, 'k');
    expect(build.files.find((f) => f.name === 'xl2tpd.conf')!.text).not.toMatch(/^length bit/m);
    // 1500 less ESP in UDP with AES-256-CBC/HMAC-SHA1-96 (1422 payload), UDP 8, L2TP 6, PPP 4 (tests/unit/config/l2tp.test.ts).
    expect(build.pppMtu).toBe(1404);
  });
});

describe('pppd 2.4.9 with the generated options file', () => {
  it('parses every option and stops at /dev/ppp: exit 4, "kernel does not support PPP" (pppd(8) EXIT STATUS)', () => {
    expect(record('pppd/generated')).toMatchObject({ status: 4, output: "Couldn't open the /dev/ppp device: No such file or directory" });
  });

  it('exits 2, "an error in the options", on a misspelt copy: the check can fail (pppd(8) EXIT STATUS)', () => {
    expect(record('pppd/misspelt')).toMatchObject({ status: 2, output: "pppd: In file <file>: unrecognized option 'require-mschapv2'" });
  });
});

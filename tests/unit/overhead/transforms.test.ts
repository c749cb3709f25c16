// Transform table (one row per RFC): ESP-only overhead and the totals with an IPv4 tunnel,
// IPv4 + NAT-T and IPv6 + NAT-T, as min..max over every padding. And the closed form
// agrees with the Linux kernel's xfrm_state_mtu() and with a brute-force search.
import { describe, expect, it } from 'vitest';
import {
  compileTunnel,
  maxInnerPacket,
  overheadRange,
  packetSize,
  parseEspProposal,
  type TunnelSpec,
} from '../../../src/lib/overhead';

type Range = readonly [number, number];
interface Row {
  source: string;
  esp: string;
  espOnly: Range;
  ipv4Tunnel: Range;
  ipv4NatT: Range;
  ipv6NatT: Range;
}

const cbcSha1: Omit<Row, 'source' | 'esp'> = { espOnly: [38, 53], ipv4Tunnel: [58, 73], ipv4NatT: [66, 81], ipv6NatT: [86, 101] };
const aead16: Omit<Row, 'source' | 'esp'> = { espOnly: [34, 37], ipv4Tunnel: [54, 57], ipv4NatT: [62, 65], ipv6NatT: [82, 85] };
const aead12: Omit<Row, 'source' | 'esp'> = { espOnly: [30, 33], ipv4Tunnel: [50, 53], ipv4NatT: [58, 61], ipv6NatT: [78, 81] };
const aead8: Omit<Row, 'source' | 'esp'> = { espOnly: [26, 29], ipv4Tunnel: [46, 49], ipv4NatT: [54, 57], ipv6NatT: [74, 77] };
const des3: Omit<Row, 'source' | 'esp'> = { espOnly: [30, 37], ipv4Tunnel: [50, 57], ipv4NatT: [58, 65], ipv6NatT: [78, 85] };

const rows: Row[] = [
  { source: 'RFC 3602 §2.4: AES-CBC-128, IV and block 16; RFC 2404 HMAC-SHA1-96', esp: 'aes128-sha1', ...cbcSha1 },
  { source: 'RFC 3602 §2.4: AES-CBC-192, IV and block 16; RFC 2404 HMAC-SHA1-96', esp: 'aes192-sha1', ...cbcSha1 },
  { source: 'RFC 3602 §2.4: AES-CBC-256, IV and block 16; RFC 2404 HMAC-SHA1-96', esp: 'aes256-sha1', ...cbcSha1 },
  { source: 'RFC 4868 §2.3: HMAC-SHA2-256 truncated to 128 bits; RFC 3602 AES-CBC', esp: 'aes256-sha256', espOnly: [42, 57], ipv4Tunnel: [62, 77], ipv4NatT: [70, 85], ipv6NatT: [90, 105] },
  { source: 'RFC 4868 §2.3: HMAC-SHA2-384 truncated to 192 bits; RFC 3602 AES-CBC', esp: 'aes256-sha384', espOnly: [50, 65], ipv4Tunnel: [70, 85], ipv4NatT: [78, 93], ipv6NatT: [98, 113] },
  { source: 'RFC 4868 §2.3: HMAC-SHA2-512 truncated to 256 bits; RFC 3602 AES-CBC', esp: 'aes256-sha512', espOnly: [58, 73], ipv4Tunnel: [78, 93], ipv4NatT: [86, 101], ipv6NatT: [106, 121] },
  { source: 'RFC 3566 §4: AES-XCBC-MAC-96; RFC 3602 AES-CBC', esp: 'aes128-aesxcbc', ...cbcSha1 },
  { source: 'RFC 4106 §6: ENCR_AES_GCM_16, IV 8 (§3.1), 4-byte alignment (§3.2)', esp: 'aes256gcm16', ...aead16 },
  { source: 'RFC 4106 §6: ENCR_AES_GCM_16; strongswan/strongswan src/libstrongswan/crypto/proposal/proposal_keywords_static.txt@3b902ea5 alias aes128gcm128', esp: 'aes128gcm128', ...aead16 },
  { source: 'RFC 4106 §6: ENCR_AES_GCM_12', esp: 'aes256gcm12', ...aead12 },
  { source: 'RFC 4106 §6: ENCR_AES_GCM_12; strongswan/strongswan src/libstrongswan/crypto/proposal/proposal_keywords_static.txt@3b902ea5 alias aes192gcm96', esp: 'aes192gcm96', ...aead12 },
  { source: 'RFC 4106 §6: ENCR_AES_GCM_8', esp: 'aes256gcm8', ...aead8 },
  { source: 'RFC 4106 §6: ENCR_AES_GCM_8; strongswan/strongswan src/libstrongswan/crypto/proposal/proposal_keywords_static.txt@3b902ea5 alias aes128gcm64', esp: 'aes128gcm64', ...aead8 },
  { source: 'RFC 4309 §3.1: ENCR_AES_CCM_16, IV 8, 4-byte alignment', esp: 'aes256ccm16', ...aead16 },
  { source: 'RFC 4309 §3.1: ENCR_AES_CCM_12, IV 8, 4-byte alignment', esp: 'aes128ccm12', ...aead12 },
  { source: 'RFC 4309 §3.1: ENCR_AES_CCM_8, IV 8, 4-byte alignment', esp: 'aes192ccm8', ...aead8 },
  { source: 'RFC 3686 §3.1: AES-CTR, IV 8, no block padding (§3.2); RFC 4868 HMAC-SHA2-256-128', esp: 'aes128ctr-sha256', ...aead16 },
  { source: 'RFC 7634 §2: IV 8, tag 16, 4-byte alignment', esp: 'chacha20poly1305', ...aead16 },
  { source: 'RFC 4543 §3: IV 8, untruncated 16-byte tag', esp: 'aes128gmac', ...aead16 },
  { source: 'RFC 2451 §2.4: 3DES block and IV 8; RFC 2404 HMAC-SHA1-96', esp: '3des-sha1', ...des3 },
  { source: 'RFC 2451 §2.4: 3DES block and IV 8; RFC 2403 HMAC-MD5-96', esp: '3des-md5', ...des3 },
  { source: 'RFC 4303 §2.4: ENCR_NULL (RFC 2410, no IV) still aligns to 4; RFC 4868 HMAC-SHA2-256-128', esp: 'null-sha256', ...aead8 },
];

const tunnelSpec = (esp: string, outer: 4 | 6, encapsulation: 'none' | 'udp'): TunnelSpec => ({
  protocol: 'ikev2', outer, inner: 4, esp, encapsulation,
});

/** Overhead over every padding residue, measured through packetSize (not overheadRange). */
function measuredRange(spec: TunnelSpec): Range {
  let min = Infinity;
  let max = -Infinity;
  for (let inner = 20; inner < 20 + 32; inner++) {
    const { overheadBytes } = packetSize(spec, inner);
    min = Math.min(min, overheadBytes);
    max = Math.max(max, overheadBytes);
  }
  return [min, max];
}

describe('transform table', () => {
  it.each(rows)('$source', ({ esp, espOnly, ipv4Tunnel, ipv4NatT, ipv6NatT }) => {
    const v4 = measuredRange(tunnelSpec(esp, 4, 'none'));
    expect([v4[0] - 20, v4[1] - 20]).toEqual(espOnly);
    expect(v4).toEqual(ipv4Tunnel);
    expect(measuredRange(tunnelSpec(esp, 4, 'udp'))).toEqual(ipv4NatT);
    expect(measuredRange(tunnelSpec(esp, 6, 'udp'))).toEqual(ipv6NatT);
    const range = overheadRange(tunnelSpec(esp, 4, 'udp'));
    expect([range.minOverheadBytes, range.maxOverheadBytes]).toEqual(ipv4NatT);
    expect(range.maxOverheadBytes - range.minOverheadBytes).toBe(range.maxPaddingBytes);
  });
});

/**
 * Linux net/xfrm/xfrm_state.c xfrm_state_mtu(), restated: header_len = 8 + IV (+ outer IP in
 * tunnel mode) + encapsulation; net_adj = IP header in transport mode, 0 in tunnel mode;
 * blksize = ALIGN(cipher block, 4). It returns the largest IP packet handed to ESP.
 * For ESP in TCP the kernel's header_len holds only the 2-byte length (the TCP header is
 * charged to the socket, linux-espintcp), so the TCP header is added to it here.
 */
function linuxXfrmStateMtu(mtu: number, opts: { iv: number; icv: number; block: number; encap: number; tunnelHeader: number; transportHeader: number }): number {
  const blksize = Math.ceil(opts.block / 4) * 4;
  const headerLen = 8 + opts.iv + opts.tunnelHeader + opts.encap;
  const netAdj = opts.transportHeader;
  // ((mtu - header_len - authsize - net_adj) & ~(blksize - 1)) + net_adj - 2, for a positive argument.
  return Math.floor((mtu - headerLen - opts.icv - netAdj) / blksize) * blksize + netAdj - 2;
}

describe('closed form = Linux xfrm_state_mtu() (linux-xfrm-state) = brute force', () => {
  const proposals = rows.map((r) => r.esp);
  const encapsulations = [
    { encapsulation: 'none', tcpOptionBytes: 0, bytes: 0 },
    { encapsulation: 'udp', tcpOptionBytes: 0, bytes: 8 },
    { encapsulation: 'tcp', tcpOptionBytes: 0, bytes: 22 },
    { encapsulation: 'tcp', tcpOptionBytes: 12, bytes: 34 },
  ] as const;
  const modes = [
    { label: 'tunnel', protocol: 'ikev2', l2tp: {}, prefix: 0 },
    { label: 'L2TP 6 + PPP 4', protocol: 'l2tp', l2tp: {}, prefix: 18 },
    { label: 'L2TP 12 + PPP 4 (npppd)', protocol: 'l2tp', l2tp: { length: true, sequence: true }, prefix: 24 },
  ] as const;
  const cases = proposals.flatMap((esp) =>
    ([4, 6] as const).flatMap((outer) =>
      encapsulations.flatMap((e) =>
        modes.map((m) => ({
          case: `${esp}, IPv${outer}, ${e.encapsulation}${e.tcpOptionBytes ? `+${e.tcpOptionBytes}` : ''}, ${m.label}`,
          esp, outer, e, m,
        })),
      ),
    ),
  );

  it.each(cases)('$source', ({ esp, outer, e, m }) => {
    const spec: TunnelSpec = {
      protocol: m.protocol, outer, inner: 4, esp, encapsulation: e.encapsulation, tcpOptionBytes: e.tcpOptionBytes, l2tp: m.l2tp,
    };
    const transform = parseEspProposal(esp);
    const ipHeader = outer === 4 ? 20 : 40;
    const tunnel = compileTunnel(spec);
    for (const pathMtu of [1500, 1492, 1400, 1280]) {
      const kernel = linuxXfrmStateMtu(pathMtu, {
        iv: transform.ivBytes,
        icv: transform.icvBytes,
        block: transform.cipher.blockBytes,
        encap: e.bytes,
        tunnelHeader: m.protocol === 'ikev2' ? ipHeader : 0,
        transportHeader: m.protocol === 'l2tp' ? ipHeader : 0,
      });
      // In transport mode the kernel's answer includes the IP header and the L2TP/PPP prefix.
      const expected = m.protocol === 'l2tp' ? kernel - ipHeader - m.prefix : kernel;
      const closedForm = maxInnerPacket(spec, pathMtu);
      expect(closedForm).toBe(expected);
      let bruteForce = 0;
      for (let inner = 20; inner <= pathMtu; inner++) {
        if (tunnel.outerBytes(inner) <= pathMtu) bruteForce = inner;
      }
      expect(closedForm).toBe(bruteForce);
    }
  });
});

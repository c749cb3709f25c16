// One ESP byte model: the handshake's L2TP/IPsec messages are framed by src/lib/overhead, so a
// PPP frame carrying an IP packet costs exactly what the MTU calculator says it costs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ESP_SUITES } from '../../../src/lib/handshake';
import { ESP_SUITE_PROPOSALS, algorithmSizes, l2tpOverEsp } from '../../../src/lib/handshake/wire';
import { compileTunnel, parseEspProposal } from '../../../src/lib/overhead';
import { espPacketFraming } from '../../../src/lib/overhead/esp';

const L2TP_DATA_HEADER = 6; // RFC 2661 §3.1, no L/S/O bits (the overhead model's default)
const PPP_HEADER = 4; // FF 03 + 2-byte protocol, RFC 1661 §2 (no ACFC/PFC, the overhead model's default)
const proposal = ({ cipher, integrity }: { cipher: string; integrity: string | null }) => (integrity ? `${cipher}-${integrity}` : cipher);

describe('the handshake and the overhead model agree on ESP', () => {
  it('an L2TP data message carrying an IPv4 packet has the size compileTunnel gives that packet, for both suites, with and without NAT', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ESP_SUITES), fc.boolean(), fc.integer({ min: 20, max: 1400 }), (suite, nat, inner) => {
        const esp = proposal(ESP_SUITE_PROPOSALS[suite]);
        const tunnel = compileTunnel({ protocol: 'l2tp', outer: 4, inner: 4, esp, encapsulation: nat ? 'udp' : 'none' });
        const message = l2tpOverEsp(L2TP_DATA_HEADER + PPP_HEADER + inner, suite, nat, 65_535);
        expect(message.fragmentIpBytes).toEqual([tunnel.outerBytes(inner)]);
      }),
    );
  });

  it.each([
    { cipher: 'aes256', integrity: 'sha1' },
    { cipher: 'aes256gcm16', integrity: null },
    { cipher: 'aes256', integrity: 'sha256' },
  ])('the algorithm table gives $cipher/$integrity the sizes the proposal parser gives', ({ cipher, integrity }) => {
    const parsed = parseEspProposal(proposal({ cipher, integrity }));
    expect(algorithmSizes(cipher, integrity)).toEqual({ ivBytes: parsed.ivBytes, alignBytes: parsed.alignBytes, icvBytes: parsed.icvBytes });
  });

  it.each([
    { cipher: 'aes256', integrity: 'sha1', payload: 100, ip: 176, source: 'RFC 4303 §2, RFC 3602, RFC 2404, RFC 3948: 20 + 8 + 8 + 16 + pad16(102) 112 + 12' },
    { cipher: 'aes256', integrity: 'sha1', payload: 1000, ip: 1072, source: 'RFC 4303 §2.4: 20 + 8 + 8 + 16 + pad16(1002) 1008 + 12' },
    { cipher: 'aes256gcm16', integrity: null, payload: 40, ip: 104, source: 'RFC 4106 §3.2: 20 + 8 + 8 + 8 (IV) + pad4(42) 44 + 16' },
  ])('espPacketFraming: a $payload-byte payload with $cipher over NAT-T is $ip bytes ($source)', ({ cipher, integrity, payload, ip }) => {
    expect(espPacketFraming(algorithmSizes(cipher, integrity), 4, 'udp').outerBytes(payload)).toBe(ip);
  });

  it('a 20-byte L2TP message is 96 bytes over NAT-T with AES-CBC/SHA-1, 88 as plain ESP (RFC 4303 §2: no UDP header)', () => {
    expect(l2tpOverEsp(20, 'aes-cbc-sha1', true, 1500).fragmentIpBytes).toEqual([96]);
    expect(l2tpOverEsp(20, 'aes-cbc-sha1', false, 1500)).toMatchObject({ fragmentIpBytes: [88], udpPayloadBytes: null });
  });
});

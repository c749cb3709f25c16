// One ESP byte model: the handshake's L2TP/IPsec messages are framed by src/lib/overhead, so a
// PPP frame carrying an IP packet costs exactly what the MTU calculator says it costs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ESP_SUITES } from '../../../src/lib/handshake';
import { ESP_SUITE_PROPOSALS, l2tpOverEsp } from '../../../src/lib/handshake/wire';
import { compileTunnel, espPacketBytes } from '../../../src/lib/overhead';

const L2TP_DATA_HEADER = 6; // RFC 2661 §3.1, no L/S/O bits (the overhead model's default)
const PPP_HEADER = 4; // FF 03 + 2-byte protocol, RFC 1661 §2 (no ACFC/PFC, the overhead model's default)

describe('the handshake and the overhead model agree on ESP', () => {
  it('an L2TP data message carrying an IPv4 packet has the size compileTunnel gives that packet, for both suites, with and without NAT', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ESP_SUITES), fc.boolean(), fc.integer({ min: 20, max: 1400 }), (suite, nat, inner) => {
        const tunnel = compileTunnel({ protocol: 'l2tp', outer: 4, inner: 4, esp: ESP_SUITE_PROPOSALS[suite], encapsulation: nat ? 'udp' : 'none' });
        const message = l2tpOverEsp(L2TP_DATA_HEADER + PPP_HEADER + inner, suite, nat, 65_535);
        expect(message.fragmentIpBytes).toEqual([tunnel.outerBytes(inner)]);
      }),
    );
  });

  it.each([
    { esp: 'aes256-sha1', payload: 100, ip: 176, source: 'RFC 4303 §2, RFC 3602, RFC 2404, RFC 3948: 20 + 8 + 8 + 16 + pad16(102) 112 + 12' },
    { esp: 'aes256-sha1', payload: 1000, ip: 1072, source: '20 + 8 + 8 + 16 + pad16(1002) 1008 + 12' },
    { esp: 'aes256gcm16', payload: 40, ip: 104, source: 'RFC 4106: 20 + 8 + 8 + 8 (IV) + pad4(42) 44 + 16' },
  ])('espPacketBytes: a $payload-byte payload with $esp over NAT-T is $ip bytes ($source)', ({ esp, payload, ip }) => {
    expect(espPacketBytes({ esp, outer: 4, encapsulation: 'udp' }, payload)).toBe(ip);
  });

  it('espPacketBytes refuses a payload that is not a whole positive number with the overhead model\'s error', () => {
    expect(() => espPacketBytes({ esp: 'aes256-sha1', outer: 4 }, 0)).toThrow(expect.objectContaining({ name: 'ModelError', field: 'payloadBytes' }));
    expect(() => espPacketBytes({ esp: 'nonsense', outer: 4 }, 10)).toThrow(expect.objectContaining({ name: 'ModelError', field: 'esp' }));
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, computeResult, packetBar } from '../../../src/lib/mtu-calculator';

describe('packet bar geometry', () => {
  it('draws the default IKEv2 packet with the inner packet shortened and only the labels that fit', () => {
    // By hand: IPv4 20, UDP 8 (RFC 3948), ESP 8, GCM IV 8 (RFC 4106 §3.1), inner 1400, pad 2 + 2 (RFC 4303 §2.4:
    // 1402 aligned to 4), ICV 16: outer 1464, overhead 64. The inner packet is drawn as 1.5 x 64 = 96 of 160.
    const packet = computeResult(DEFAULT_STATE).packet!;
    const bar = packetBar(packet);
    expect(bar.segments.map((s) => [s.layer.tag, s.grow, s.labelled])).toEqual([
      ['IPv4', 20, true], // 12.5 % of the bar, 4 characters need 11 %
      ['UDP', 8, false], // 5 %, 3 characters need 8.5 %
      ['ESP', 8, false],
      ['IV', 8, false], // 5 %, 2 characters need 6 %
      ['inner packet', 96, true],
      ['pad', 2, false],
      ['PL NH', 2, false],
      ['ICV', 16, true], // 10 %
    ]);
    expect(bar.shortened).toBe(true);
    expect(bar.unlabelled).toBe(true);
    // Encrypted: inner, padding, pad length and next header (RFC 4303 §2.4), from byte 44 of 160 for 100;
    // authenticated: from the ESP header (byte 28) on, 116 bytes.
    expect(bar.brackets).toEqual([
      { kind: 'encrypted', left: '27.500%', width: '62.500%', labelled: true },
      { kind: 'authenticated', left: '17.500%', width: '72.500%', labelled: true },
    ]);
  });

  it('draws a packet no larger than 1.5 times its overhead to scale', () => {
    const bar = packetBar(computeResult({ ...DEFAULT_STATE, size: '60' }).packet!);
    expect(bar.shortened).toBe(false);
    expect(bar.segments.find((s) => s.layer.name === 'Inner packet')?.grow).toBe(60);
  });
});

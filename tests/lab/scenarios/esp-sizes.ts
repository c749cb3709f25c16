/**
 * esp-sizes: the outer IP length of every inner IPv4 packet size in a sweep, for every ESP proposal
 * kernel-libipsec accepts, over IPv4 and IPv6 paths; compared with src/lib/overhead packetSize().
 * libipsec always uses ESP-in-UDP (lab.md §1.1), so the model is asked for encapsulation 'udp'.
 */
import { packetSize } from '../../../src/lib/overhead';
import { startTunnel } from '../configs';
import { ADDR, type Family, readPcap } from '../harness';
import type { Difference, Scenario, ScenarioResult } from '../scenario';

/** Proposals libipsec 5.9.8 accepts (ESP transforms in its esp_context.c / the crypto plugins loaded). */
export const ACCEPTED = [
  'aes128-sha256', 'aes256-sha256', 'aes128-sha1', 'aes256-sha1', 'aes256-sha384', 'aes256-sha512',
  'aes128gcm16', 'aes256gcm16', 'aes128gcm12', 'aes128gcm8', 'chacha20poly1305', 'aes128ccm16',
  'aes128ctr-sha256', '3des-sha1', 'null-sha256',
];
/** Proposals it refuses when installing the SA (ESN, AES-GMAC): recorded with its reason. */
export const REFUSED = ['aes128-sha256-esn', 'aes128gmac'];

/** 16 consecutive sizes give every padding length for 4-, 8- and 16-byte blocks; plus landmarks up to the TUN limit. */
export const SWEEP = [28, ...Array.from({ length: 16 }, (_, i) => 100 + i), 576, 1000, 1280, 1400];

const QUICK_PROPOSALS = ['aes256-sha256', 'aes128gcm16', '3des-sha1'];

/** Send one DF ping per inner size; the shell loop avoids a process spawn per packet. */
function pingLoop(sizes: number[]): string[] {
  const icmpPayloads = sizes.map((n) => n - 28).join(' ');
  return ['sh', '-c', `for s in ${icmpPayloads}; do if ping -c1 -W1 -M do -s $s -I ${ADDR.clientInner[4]} ${ADDR.serverInner[4]} >/dev/null 2>&1; then echo ok; else echo lost; fi; done`];
}

const scenario: Scenario = {
  name: 'esp-sizes',
  description: 'outer packet size per ESP proposal and inner size, IPv4 and IPv6 paths',
  async run(ctx): Promise<ScenarioResult> {
    const families: Family[] = [4, 6];
    const proposals = ctx.quick ? QUICK_PROPOSALS : ACCEPTED;
    const sweep = ctx.quick ? SWEEP.filter((n) => n >= 100) : SWEEP;
    const refused = ctx.quick ? [] : REFUSED;
    const records: ScenarioResult['records'] = [];
    const differences: Difference[] = [];
    const total = families.length * (proposals.length + refused.length);
    let done = 0;
    for (const family of families) {
      const lab = await ctx.lab();
      for (const esp of [...proposals, ...refused]) {
        ctx.progress(`IPv${family} path, ESP ${esp}`, done++, total);
        const { client, server } = await startTunnel(lab, { family, esp }, false);
        if (refused.includes(esp)) {
          const failure = await client.initiate('net', 'lab').then(() => null, (e: Error) => e);
          const reason = server.logText().match(/IPsec SA: [^\n]+|unsupported AEAD algorithm \S+/)?.[0] ?? failure?.message ?? 'established';
          records.push({ id: `v${family} ${esp} refused`, outer: family, proposal: esp, accepted: failure === null, reason });
          if (failure === null) differences.push({ what: `IPv${family} ${esp}`, expected: 'refused', measured: 'established', source: 'lab.md §1.3 / libipsec' });
        } else {
          await client.initiate('net', 'lab');
          const negotiated = client.logText().match(/selected proposal: (ESP:\S+)/)?.[1] ?? 'unknown';
          const outer = await lab.capture('client', 'c0', `src host ${ADDR.client[family]} and udp port 4500`, `outer-${family}-${esp}`);
          const inner = await lab.capture('client', 'ipsec0', `icmp and src host ${ADDR.clientInner[4]}`, `inner-${family}-${esp}`);
          const replies = (await lab.exec(lab.ns.client, pingLoop(sweep))).trim().split('\n');
          const outerPackets = (await readPcap(await outer.stop())).filter((p) => p.espSeq !== undefined);
          const innerPackets = (await readPcap(await inner.stop())).filter((p) => p.text.includes('ICMP echo request'));
          if (innerPackets.length !== sweep.length || outerPackets.length !== sweep.length) {
            throw new Error(`IPv${family} ${esp}: sent ${sweep.length} pings, captured ${innerPackets.length} inner and ${outerPackets.length} ESP packets`);
          }
          sweep.forEach((size, k) => {
            const { length: outerBytes, espSeq } = outerPackets[k]!;
            const innerBytes = innerPackets[k]!.length;
            if (innerBytes !== size || espSeq !== k + 1) throw new Error(`IPv${family} ${esp}: packet ${k + 1} is inner ${innerBytes} seq ${espSeq}, expected inner ${size} seq ${k + 1}`);
            records.push({ id: `v${family} ${esp} ${size}`, outer: family, proposal: esp, negotiated, inner: size, outerBytes, reply: replies[k] === 'ok' });
            const expected = packetSize({ protocol: 'ikev2', outer: family, inner: 4, esp, encapsulation: 'udp' }, size).outerBytes;
            if (expected !== outerBytes) differences.push({ what: `IPv${family} ${esp} inner ${size}`, expected, measured: outerBytes, source: 'src/lib/overhead packetSize' });
          });
        }
        await client.stop();
        await server.stop();
      }
      lab.teardown();
    }
    ctx.progress('done', total, total);
    return {
      settings: {
        ike: 'aes256-sha256-modp2048, PSK, IKEv2',
        mode: 'tunnel, ESP-in-UDP 4500 (kernel-libipsec always encapsulates)',
        innerFamily: 4,
        innerSizes: sweep,
        proposals,
        refused,
        probe: 'ping -c1 -M do -s <inner-28> from 203.0.113.10 to 203.0.113.200; k-th inner echo request paired with ESP sequence k',
      },
      records,
      differences,
    };
  },
};
export default scenario;

/**
 * path-mtu: the largest inner IPv4 packet that crosses the tunnel without outer fragmentation, for
 * several path MTUs (all veth ends set to it) below libipsec's 1400-byte TUN limit (lab.md §1.4).
 * The router drops every IP fragment (lab.md §3.5), so a don't-fragment ping of inner size N gets a
 * reply exactly when its ESP-in-UDP packet fits the path unfragmented. Compared with
 * src/lib/overhead maxInnerPacket().
 */
import { maxInnerPacket } from '../../../src/lib/overhead';
import { startTunnel } from '../configs';
import { ADDR, type Family, type Lab, readPcap } from '../harness';
import type { Difference, Scenario, ScenarioResult } from '../scenario';

/** One proposal per padding/ICV shape: 16-byte blocks + 16 ICV, + 32 ICV, AEAD (4-byte alignment), 8-byte blocks. */
export const PROPOSALS = ['aes128-sha256', 'aes256-sha512', 'aes128gcm16', '3des-sha1'];
/** Path MTUs, largest first (IPv6 needs at least 1280, RFC 8200 §5). */
export const MTUS = [1400, 1360, 1280];
/** Search range for the inner size: every answer is above the floor; 1400 is the TUN limit. */
const FLOOR = 1000;
const CEILING = 1400;

async function fits(lab: Lab, inner: number): Promise<boolean> {
  const ping = ['ping', '-c1', '-W', '0.5', '-M', 'do', '-s', String(inner - 28), '-I', ADDR.clientInner[4], ADDR.serverInner[4]];
  return lab.exec(lab.ns.client, ping).then(() => true, () => false);
}

const scenario: Scenario = {
  name: 'path-mtu',
  description: 'largest inner packet crossing unfragmented per path MTU, DF probes, fragments dropped',
  async run(ctx): Promise<ScenarioResult> {
    const families: Family[] = [4, 6];
    const proposals = ctx.quick ? ['aes128-sha256'] : PROPOSALS;
    const mtus = ctx.quick ? [1280] : MTUS;
    const records: ScenarioResult['records'] = [];
    const differences: Difference[] = [];
    const total = families.length * proposals.length * mtus.length;
    let done = 0;
    const lab = await ctx.lab();
    await lab.dropFragments();
    for (const family of families) {
      for (const esp of proposals) {
        await lab.setMtu(1500);
        const { client, server } = await startTunnel(lab, { family, esp });
        for (const mtu of mtus) {
          ctx.progress(`IPv${family} path, ESP ${esp}, MTU ${mtu}`, done++, total);
          await lab.setMtu(mtu);
          if (!(await fits(lab, FLOOR))) throw new Error(`IPv${family} ${esp} MTU ${mtu}: even a ${FLOOR}-byte inner packet does not cross`);
          // Binary search for the largest size that fits: fits(lo) holds, fits(hi + 1) does not.
          let [lo, hi] = [FLOOR, CEILING];
          while (lo < hi) {
            const mid = Math.ceil((lo + hi) / 2);
            if (await fits(lab, mid)) lo = mid;
            else hi = mid - 1;
          }
          // Confirm on the wire: the packet at the limit is one unfragmented datagram, the next size is lost.
          const capture = await lab.capture('client', 'c0', `src host ${ADDR.client[family]}`, `mtu-${family}-${esp}-${mtu}`);
          const ok = await fits(lab, lo);
          const next = lo < CEILING ? await fits(lab, lo + 1) : false;
          const packets = (await readPcap(await capture.stop())).filter((p) => p.espSeq !== undefined || p.fragment);
          const atMax = packets[0];
          if (!ok || next || !atMax || atMax.fragment) {
            throw new Error(`IPv${family} ${esp} MTU ${mtu}: limit ${lo} not confirmed (fits ${ok}, next fits ${next}, outer ${atMax?.text ?? 'none'})`);
          }
          records.push({ id: `v${family} ${esp} mtu ${mtu}`, outer: family, proposal: esp, pathMtu: mtu, maxInner: lo, outerAtMax: atMax.length });
          const expected = maxInnerPacket({ protocol: 'ikev2', outer: family, inner: 4, esp, encapsulation: 'udp' }, mtu);
          if (expected !== lo) differences.push({ what: `IPv${family} ${esp} path MTU ${mtu}`, expected, measured: lo, source: 'src/lib/overhead maxInnerPacket' });
        }
        await client.stop();
        await server.stop();
      }
    }
    ctx.progress('done', total, total);
    return {
      settings: {
        ike: 'aes256-sha256-modp2048, PSK, IKEv2',
        mode: 'tunnel, ESP-in-UDP 4500 (kernel-libipsec always encapsulates)',
        innerFamily: 4,
        proposals,
        pathMtus: mtus,
        probe: `ping -c1 -W0.5 -M do from 203.0.113.10 to 203.0.113.200, binary search in ${FLOOR}..${CEILING}; router drops every IPv4/IPv6 fragment (nftables netdev ingress)`,
      },
      records,
      differences,
    };
  },
};
export default scenario;

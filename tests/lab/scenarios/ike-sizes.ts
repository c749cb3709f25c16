/**
 * ike-sizes: IP/UDP/IKE sizes of every IKE message for several authentication methods, key exchanges,
 * RFC 7383 fragmentation on and off, CHILD_SA and IKE_SA rekeying, DPD, delete, a MOBIKE address
 * update and IKEv1 Main Mode + Quick Mode for an L2TP-style SA (lab.md §3.5, §4.3–4.7).
 * Sizes come from the client-side capture (tshark, no reassembly); the payload list of each message
 * comes from its sender's charon log ("generating ... [ payloads ]").
 */
import { type TunnelConfig, startTunnel } from '../configs';
import { ADDR, type Charon, type Lab, sleep, tshark } from '../harness';
import type { Scenario, ScenarioResult } from '../scenario';

type Action = 'child-rekey' | 'ike-rekey' | 'dpd' | 'delete' | 'mobike';

interface Variant {
  id: string;
  config: TunnelConfig;
  actions: Action[];
  quick?: boolean;
}

const IKE = (ke: string): string => `aes256-sha256-${ke}`;
/** kernel-libipsec needs these for a host-to-host SA whose traffic selector is the IKE peer (lab.md §3.5). */
const HOST_TS_SETTINGS = `  plugins {
    kernel-netlink { fwmark = !0x42 }
    socket-default { fwmark = 0x42 }
    kernel-libipsec { allow_peer_ts = yes }
  }`;

export const VARIANTS: Variant[] = [
  { id: 'psk-modp2048', config: { ike: IKE('modp2048') }, actions: ['child-rekey', 'ike-rekey', 'delete'], quick: true },
  { id: 'psk-ecp256', config: { ike: IKE('ecp256') }, actions: [] },
  { id: 'psk-x25519', config: { ike: IKE('x25519') }, actions: [] },
  { id: 'psk-modp3072', config: { ike: IKE('modp3072') }, actions: [] },
  { id: 'psk-modp2048-ipv6', config: { ike: IKE('modp2048'), family: 6 }, actions: [] },
  { id: 'rsa2048', config: { ike: IKE('modp2048'), auth: 'rsa2048' }, actions: [], quick: true },
  { id: 'ecdsa256', config: { ike: IKE('modp2048'), auth: 'ecdsa256' }, actions: [] },
  { id: 'eap-mschapv2', config: { ike: IKE('modp2048'), auth: 'eap-mschapv2' }, actions: [] },
  { id: 'rsa4096-chain-frag-yes', config: { ike: IKE('modp2048'), auth: 'rsa4096', fragmentation: 'yes' }, actions: [], quick: true },
  { id: 'rsa4096-chain-frag-no', config: { ike: IKE('modp2048'), auth: 'rsa4096', fragmentation: 'no' }, actions: [] },
  { id: 'pfs-modp2048', config: { ike: IKE('modp2048'), esp: 'aes128gcm16-modp2048' }, actions: ['child-rekey'] },
  { id: 'pfs-x25519', config: { ike: IKE('x25519'), esp: 'aes128gcm16-x25519' }, actions: ['child-rekey'] },
  { id: 'dpd', config: { ike: IKE('modp2048'), dpdDelay: '1s' }, actions: ['dpd'] },
  { id: 'mobike', config: { ike: IKE('modp2048'), clientAddrs: '%any' }, actions: ['mobike'] },
  {
    id: 'ikev1-psk-l2tp',
    config: {
      version: 1,
      ike: 'aes256-sha1-modp2048',
      esp: 'aes256-sha1',
      clientTs: 'dynamic[udp/1701]',
      serverTs: 'dynamic[udp/1701]',
      charonSettings: HOST_TS_SETTINGS,
    },
    actions: ['delete'],
  },
];

/** IKE exchange types (RFC 7296 §3.1; IKEv1: RFC 2408 §3.1, RFC 2409 §5.5) and the names charon logs. */
const EXCHANGES: Record<string, string> = {
  '2': 'ID_PROT', '4': 'AGGRESSIVE', '5': 'INFORMATIONAL_V1', '32': 'QUICK_MODE',
  '34': 'IKE_SA_INIT', '35': 'IKE_AUTH', '36': 'CREATE_CHILD_SA', '37': 'INFORMATIONAL',
};

const FIELDS = [
  'frame.time_epoch', 'ip.src', 'ipv6.src', 'ip.len', 'ipv6.plen', 'ip.frag_offset', 'ip.flags.mf', 'udp.srcport', 'udp.length',
  'isakmp.version', 'isakmp.exchangetype', 'isakmp.flag_r', 'isakmp.messageid', 'isakmp.length', 'isakmp.frag.number', 'isakmp.frag.total',
];

interface WirePacket { ip: number; port?: number; udp?: number; ike?: number; fragment?: string }

/** "generating <EXCHANGE> <request|response> <msgid> [ payloads ]" lines of one charon, in order. */
function generated(charon: Charon): { key: string; payloads: string }[] {
  return [...charon.logText().matchAll(/generating (\S+) (request|response) (\d+) (\[ (?:.* )?\])$/gm)]
    .filter((m) => !m[4]!.startsWith('[ EF('))
    .map((m) => ({ key: `${m[1]} ${m[2]} ${m[3]}`, payloads: m[4]! }));
}

async function act(action: Action, lab: Lab, client: Charon): Promise<void> {
  const from = client.logText().length;
  const informationalDone = (): Promise<unknown> => client.waitLog(/parsed INFORMATIONAL(_V1)? response \d+|sending DELETE for IKE_SA|closing CHILD_SA/, 15_000, from);
  switch (action) {
    case 'child-rekey':
      await client.swanctl('--rekey', '--child', 'net');
      await client.waitLog(/parsed INFORMATIONAL response \d+ \[ D \]/, 15_000, from);
      break;
    case 'ike-rekey':
      await client.swanctl('--rekey', '--ike', 'lab');
      await client.waitLog(/parsed INFORMATIONAL response \d+ \[ \]/, 15_000, from);
      break;
    case 'dpd':
      // dpd_delay = 1s on the client and no traffic: the next liveness check is an empty INFORMATIONAL.
      await client.waitLog(/parsed INFORMATIONAL response \d+/, 15_000, from);
      break;
    case 'delete':
      await client.swanctl('--terminate', '--ike', 'lab', '--timeout', '10').catch(() => undefined);
      await informationalDone();
      break;
    case 'mobike':
      // Move the client to another IPv4 address (lab.md §4.6). Its IPv6 address goes first so that there is
      // one path to probe; the new address is announced (ADDITIONAL_ADDRESS) before the old one disappears.
      await lab.ip(lab.ns.client, `-6 addr del ${ADDR.client[6]}/64 dev c0`);
      await client.waitLog(/parsed INFORMATIONAL response \d+/, 15_000, from);
      await lab.ip(lab.ns.client, `addr add ${ADDR.clientAlt[4]}/24 dev c0`);
      await client.waitLog(/parsed INFORMATIONAL response \d+[^\n]*\n(?:.*\n)*?.*parsed INFORMATIONAL response/, 15_000, from);
      await lab.ip(lab.ns.client, `addr del ${ADDR.client[4]}/24 dev c0`);
      await client.waitLog(/parsed INFORMATIONAL response \d+ \[ N\(NATD_S_IP\) N\(NATD_D_IP\) N\(COOKIE2\) \]/, 15_000, from);
      break;
  }
  await sleep(300); // let the last datagram reach the capture
}

/** Runs one variant; resolves with a function that parses its capture (so parsing overlaps the next variant). */
async function measure(lab: Lab, variant: Variant): Promise<() => Promise<ScenarioResult['records']>> {
  // Non-first IP fragments carry no UDP header: match them explicitly (IPv4 offset, IPv6 fragment header).
  const filter = 'udp port 500 or udp port 4500 or (ip and ip[6:2] & 0x1fff != 0) or (ip6 and ip6[6] == 44)';
  const capture = await lab.capture('client', 'c0', filter, variant.id);
  const { client, server } = await startTunnel(lab, variant.config);
  const phases: [string, number][] = [['establish', 0]];
  await sleep(300);
  for (const action of variant.actions) {
    phases.push([action, Date.now() / 1000]);
    await act(action, lab, client);
  }
  const pcap = await capture.stop();
  const logs = { client: generated(client), server: generated(server) };
  await client.stop();
  await server.stop();
  if (variant.actions.includes('mobike')) {
    await lab.ip(lab.ns.client, `-6 addr add ${ADDR.client[6]}/64 dev c0 nodad`);
    await lab.ip(lab.ns.client, `-6 route replace 2001:db8:2::/64 via 2001:db8:1::1 dev c0`);
    await lab.ip(lab.ns.client, `addr add ${ADDR.client[4]}/24 dev c0`);
    await lab.ip(lab.ns.client, `addr del ${ADDR.clientAlt[4]}/24 dev c0`);
    await lab.ip(lab.ns.client, 'route replace 198.51.100.0/24 via 192.0.2.1 dev c0');
  }
  const rows = tshark(pcap, FIELDS);
  return async () => parse(variant, phases, await rows, logs);
}

function parse(variant: Variant, phases: [string, number][], rows: string[][], logs: Record<'client' | 'server', { key: string; payloads: string }[]>): ScenarioResult['records'] {
  const messages: { from: 'client' | 'server'; exchange: string; kind: string; msgid: number; phase: string; packets: WirePacket[] }[] = [];
  for (const row of rows) {
    const [time, src4, src6, ipLen, ip6Len, fragOffset, , port, udpLen, version, exch, flagR, msgidHex, ikeLen, fragNum, fragTotal] = row;
    const ip = ipLen ? Number(ipLen) : Number(ip6Len) + 40;
    const from = (src4 || src6) === ADDR.server[4] || (src4 || src6) === ADDR.server[6] ? 'server' : 'client';
    if (!exch) {
      // A non-first IP fragment of the previous message, or a one-byte NAT-T keepalive (RFC 3948 §2.3).
      if (fragOffset && fragOffset !== '0') messages.at(-1)?.packets.push({ ip, fragment: `ip offset ${Number(fragOffset)}` });
      continue;
    }
    const exchange = EXCHANGES[exch] ?? `type ${exch}`;
    const kind = parseInt(version!, 16) === 0x10 ? '' : flagR === '1' || flagR === 'True' ? 'response' : 'request';
    const msgid = parseInt(msgidHex!, 16);
    // An IP-fragmented first fragment has no complete IKE header for tshark: take the IKE length from the
    // UDP length field minus the UDP header and, on port 4500, the non-ESP marker (RFC 3948 §2.2).
    const ike = ikeLen ? Number(ikeLen) : Number(udpLen) - 8 - (port === '4500' ? 4 : 0);
    const packet: WirePacket = { ip, port: Number(port), udp: Number(udpLen), ike, ...(fragNum ? { fragment: `${fragNum}/${fragTotal}` } : {}) };
    const phase = phases.filter(([, t]) => Number(time) >= t).at(-1)![0];
    const last = messages.at(-1);
    if (fragNum && fragNum !== '1' && last && last.from === from && last.exchange === exchange && last.msgid === msgid) last.packets.push(packet);
    else messages.push({ from, exchange, kind, msgid, phase, packets: [packet] });
  }

  const records: ScenarioResult['records'] = [];
  const used = { client: new Set<number>(), server: new Set<number>() };
  for (const m of messages) {
    const v1 = m.kind === '';
    // IKEv1 has no request/response flag and random message IDs: match the next line of that exchange.
    const matches = (g: { key: string }): boolean => (v1 ? g.key.startsWith(`${m.exchange} `) : g.key === `${m.exchange} ${m.kind} ${m.msgid}`);
    const index = logs[m.from].findIndex((g, j) => !used[m.from].has(j) && matches(g));
    used[m.from].add(index);
    // No unused line: the same message sent again (a retransmission, or a MOBIKE probe on another path).
    const line = index >= 0 ? logs[m.from][index] : logs[m.from].findLast(matches);
    const payloads = line?.payloads ?? 'unknown';
    // After a MOBIKE update libipsec cannot move its SAs and rekeys the CHILD_SA instead (lab.md §1.5);
    // both sides may start that rekey at once, so only the MOBIKE INFORMATIONAL exchanges are kept.
    if (m.phase === 'mobike' && (m.exchange !== 'INFORMATIONAL' || /\bD\b/.test(payloads))) continue;
    records.push({
      id: `${variant.id} ${String(records.length + 1).padStart(2, '0')}`,
      variant: variant.id,
      phase: m.phase,
      from: m.from,
      exchange: m.exchange,
      ...(v1 ? { kind: line?.key.split(' ')[1] ?? 'unknown' } : { kind: m.kind, msgid: m.msgid }),
      payloads,
      port: m.packets[0]!.port,
      ipBytes: m.packets.reduce((sum, p) => sum + p.ip, 0),
      ikeBytes: m.packets.reduce((sum, p) => sum + (p.ike ?? 0), 0),
      packets: m.packets.map(({ port: _port, ...packet }) => packet),
    });
  }
  return records;
}

const scenario: Scenario = {
  name: 'ike-sizes',
  description: 'IKE message sizes: authentication, key exchange, fragmentation, lifecycle, MOBIKE, IKEv1',
  async run(ctx): Promise<ScenarioResult> {
    const variants = ctx.quick ? VARIANTS.filter((v) => v.quick) : VARIANTS;
    const parsers: (() => Promise<ScenarioResult['records']>)[] = [];
    const lab = await ctx.lab();
    for (const [i, variant] of variants.entries()) {
      ctx.progress(variant.id, i, variants.length);
      parsers.push(await measure(lab, variant));
    }
    ctx.progress('reading captures', variants.length, variants.length);
    const records = (await Promise.all(parsers.map((p) => p()))).flat();
    return {
      settings: {
        common: 'IPv4 unless noted; IDs client.example.org / server.example.org; ESP aes128gcm16 unless noted; tunnel 203.0.113.10/32 === 203.0.113.200/32; kernel-libipsec fakes NAT so IKE moves to UDP 4500 at IKE_AUTH (lab.md §1.1)',
        variants: variants.map(({ id, config, actions }) => ({ id, config: { ...config, charonSettings: config.charonSettings?.replace(/\s+/g, ' ').trim() }, actions })),
        sizes: 'ipBytes: IP packets summed over fragments; ikeBytes: IKE header length fields summed over RFC 7383 fragments (excludes the 4-byte non-ESP marker on port 4500)',
      },
      records,
      differences: [],
    };
  },
};
export default scenario;

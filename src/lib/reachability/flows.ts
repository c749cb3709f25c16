// The packet flows a VPN server's firewall must pass for a scenario, each with
// why it is needed, when it applies, how to check it and what failure looks
// like. Commands use SERVER_PLACEHOLDER where the server's name or address goes.
import { chapter, SOURCES, type Citation } from '../citations/citations';
import {
  espMayBeUsed,
  offersIkev2,
  offersL2tp,
  usesIpv4,
  usesIpv6,
  usesTcpEncapsulation,
  validateScenario,
  type Scenario,
} from './scenario';

export const SERVER_PLACEHOLDER = '<server>';

export type FlowId = 'ike' | 'nat-t' | 'esp' | 'l2tp' | 'tcp-encap';
export type Side = 'client' | 'server' | 'nat-device';

export interface Direction {
  readonly from: 'client' | 'server';
  readonly to: 'client' | 'server';
  /** Destination port, or null for ESP (no ports). */
  readonly port: number | null;
  readonly note: string;
}

export interface Check {
  /** Stable id, unique within a scenario: '<flow>.<side>.<tool>'. */
  readonly id: string;
  readonly side: Side;
  /** What the check finds out, in the reader's terms: 'Is the IKE daemon listening on UDP 500 and 4500?' */
  readonly purpose: string;
  /** The program or place it uses: 'nmap', 'reg', 'port forwarding'. */
  readonly tool: string;
  /** A command to run, or null for a manual inspection. */
  readonly command: string | null;
  /** What to look for. */
  readonly look: string;
  readonly caveat?: string;
  readonly citations: readonly Citation[];
}

export interface Failure {
  readonly symptom: string;
  readonly signs: readonly string[];
  readonly citations: readonly Citation[];
}

export interface Flow {
  readonly id: FlowId;
  readonly label: string;
  readonly transport: 'udp' | 'tcp' | 'esp';
  /** IP protocol number: 17 UDP, 6 TCP, 50 ESP. */
  readonly ipProtocol: 17 | 6 | 50;
  readonly port: number | null;
  /** 'required': open it; 'conditional': used by some peers only; 'inside-ipsec-only': accept only when IPsec-protected. */
  readonly need: 'required' | 'conditional' | 'inside-ipsec-only';
  readonly openToInternet: boolean;
  readonly directions: readonly Direction[];
  readonly why: string;
  readonly when: string;
  readonly whyCitations: readonly Citation[];
  readonly checks: readonly Check[];
  readonly failures: readonly Failure[];
}

const S = SERVER_PLACEHOLDER;

/** nmap's -6 flag when the scenario is IPv6 only. */
const nmapFamily = (s: Scenario): string => (usesIpv6(s) && !usesIpv4(s) ? ' -6' : '');
const REPEAT_FOR_IPV6 = ' For IPv6, repeat with -6.';

/** The program that shows each firewall's rules, as a check names it. */
const FIREWALL_TOOLS: Readonly<Record<Scenario['firewall'], string>> = {
  nftables: 'nft',
  iptables: 'iptables',
  windows: 'PowerShell',
  routeros: 'RouterOS',
};

/** The command that lists a Linux firewall's input rules with their packet counters. */
function linuxCounters(s: Scenario): Record<'nftables' | 'iptables', string> {
  return {
    nftables: 'nft list chain inet vpn_server input',
    iptables: usesIpv4(s) ? 'iptables -L INPUT -v -n' : 'ip6tables -L INPUT -v -n',
  };
}

function firewallCounterCheck(s: Scenario, flow: FlowId, what: string): Check {
  const commands: Record<Scenario['firewall'], string> = {
    ...linuxCounters(s),
    windows: "Get-NetFirewallRule -DisplayName 'VPN:*' | Format-Table DisplayName, Enabled, Action, Direction",
    routeros: '/ip ipsec installed-sa print',
  };
  const looks: Record<Scenario['firewall'], string> = {
    nftables: `The counter on the ${what} rule grows while a client connects.`,
    iptables: `The packet counter on the ${what} rule grows while a client connects.`,
    windows: `The VPN rule for ${what} exists, is enabled and allows inbound traffic.`,
    routeros: 'Installed SAs appear once a client connects.',
  };
  return {
    id: `${flow}.server.firewall`,
    purpose: `Does the server’s firewall let ${what} in?`,
    side: 'server',
    tool: FIREWALL_TOOLS[s.firewall],
    command: commands[s.firewall],
    look: looks[s.firewall],
    citations: s.firewall === 'windows' ? [SOURCES.msNewNetFirewallRule] : [chapter('/guide/nat-firewalls/')],
  };
}

function ikeFlow(s: Scenario): Flow {
  const checks: Check[] = [
    {
      id: 'ike.client.nmap',
      purpose: 'Does UDP 500 and 4500 answer from outside?',
      side: 'client',
      tool: 'nmap',
      command: `nmap${nmapFamily(s)} -sU -p 500,4500 ${S}`,
      look: "'open' means the server answered. 'open|filtered' means no answer, which a healthy IKE daemon that ignores nmap's probe also gives.",
      caveat:
        'UDP scans are inconclusive: only a reply proves anything. Confirm with ike-scan or a capture on the server.' +
        (s.family === 'both' ? REPEAT_FOR_IPV6 : ''),
      citations: [SOURCES.nmapUdpScan],
    },
  ];
  if (usesIpv4(s)) {
    if (offersIkev2(s)) {
      checks.push({
        id: 'ike.client.ike-scan-v2',
        purpose: 'Does the IKEv2 daemon answer on UDP 500?',
        side: 'client',
        tool: 'ike-scan',
        command: `ike-scan --ikev2 ${S}`,
        look: 'Any IKEv2 answer, even NO_PROPOSAL_CHOSEN, proves UDP 500 reaches the IKE daemon.',
        caveat: 'Needs root to send from port 500 (or --sport=0 for a random port); ike-scan has no IPv6 option.',
        citations: [SOURCES.ikeScan],
      });
    }
    if (offersL2tp(s)) {
      checks.push({
        id: 'ike.client.ike-scan-v1',
        purpose: 'Does the IKEv1 daemon for L2TP/IPsec answer on UDP 500?',
        side: 'client',
        tool: 'ike-scan',
        command: `ike-scan ${S}`,
        look: 'A Main Mode answer (or a notify) proves the IKEv1 daemon for L2TP/IPsec is reachable.',
        caveat: 'Needs root to send from port 500 (or --sport=0); ike-scan has no IPv6 option.',
        citations: [SOURCES.ikeScan],
      });
    }
  }
  checks.push(
    {
      id: 'ike.server.tcpdump',
      purpose: 'Does the first IKE packet reach the server, and does an answer leave?',
      side: 'server',
      tool: 'tcpdump',
      command: 'tcpdump -ni any udp port 500',
      look: 'The client’s first IKE packet arrives and an answer leaves. Nothing arriving means the path or a firewall drops it; arriving without an answer points at the daemon or its configuration.',
      citations: [chapter('/guide/troubleshooting/')],
    },
    {
      id: 'ike.server.listening',
      purpose: 'Is the IKE daemon listening on UDP 500 and 4500?',
      side: 'server',
      tool: 'ss',
      command: "ss -ulpn '( sport = :500 or sport = :4500 )'",
      look: 'charon (strongSwan) or pluto (libreswan) is bound to UDP 500 and 4500.',
      citations: [chapter('/guide/setup/')],
    },
    firewallCounterCheck(s, 'ike', 'UDP 500'),
  );
  if (s.serverNat) {
    checks.push({
      id: 'ike.nat-device.forward',
      purpose: 'Does the NAT device forward UDP 500 and 4500 to the server?',
      side: 'nat-device',
      tool: 'port forwarding',
      command: null,
      look: 'The router or cloud load balancer in front of the server forwards UDP 500 and UDP 4500 to it.',
      citations: [SOURCES.ikev2NatTraversal, chapter('/guide/nat-firewalls/')],
    });
  }
  return {
    id: 'ike',
    label: 'IKE, UDP 500',
    transport: 'udp',
    ipProtocol: 17,
    port: 500,
    need: 'required',
    openToInternet: true,
    directions: [
      { from: 'client', to: 'server', port: 500, note: 'IKE_SA_INIT (IKEv2) or Main Mode (IKEv1) from any client port' },
      { from: 'server', to: 'client', port: null, note: 'answers from port 500 back to the client’s port' },
    ],
    why: 'Every IKE negotiation starts on UDP 500: IKE_SA_INIT for IKEv2, Main Mode for the IKEv1 that L2TP/IPsec uses.',
    when: 'Always.',
    whyCitations: [SOURCES.ikePorts, chapter('/guide/ipsec/')],
    checks,
    failures: [
      {
        symptom: 'No answer to the first IKE message: the client retransmits and gives up.',
        signs: [
          'strongSwan client: "retransmit 1 of request with message ID 0" … "giving up after 5 retransmits"',
          'libreswan client: "STATE_PARENT_I1: retransmission" (state names differ between versions)',
          'Windows: error 809; Application log, source RasClient, event 20227 ("The error code returned on failure is 809")',
        ],
        citations: [SOURCES.msRasEvents, chapter('/guide/troubleshooting/')],
      },
    ],
  };
}

function natTFlow(s: Scenario): Flow {
  const natPresent = s.serverNat || s.clientNat;
  const checks: Check[] = [
    {
      id: 'nat-t.server.tcpdump',
      purpose: 'Does IKE move to UDP 4500 once NAT is detected?',
      side: 'server',
      tool: 'tcpdump',
      command: 'tcpdump -ni any udp port 4500',
      look: 'After NAT is detected, IKE continues here and ESP arrives wrapped in UDP; one-byte NAT keepalives also show up.',
      citations: [SOURCES.espInUdp],
    },
    {
      id: 'nat-t.server.log',
      purpose: 'Does the server log that it detected NAT?',
      side: 'server',
      tool: 'strongSwan log',
      command: null,
      look: 'strongSwan logs "remote host is behind NAT" (or "local host is behind NAT, sending keep alives" on the NATed side) and then uses port 4500.',
      citations: [SOURCES.ikev2NatTraversal],
    },
    {
      id: 'nat-t.server.xfrm',
      purpose: 'Do NATed clients’ SAs use ESP-in-UDP?',
      side: 'server',
      tool: 'ip xfrm',
      command: 'ip xfrm state',
      look: 'SAs of NATed clients carry "encap type espinudp sport 4500 …".',
      citations: [SOURCES.espInUdp],
    },
  ];
  if (usesIpv4(s) && offersL2tp(s)) {
    checks.push({
      id: 'nat-t.client.ike-scan-nat-t',
      purpose: 'Does the L2TP/IPsec server accept NAT traversal on UDP 4500?',
      side: 'client',
      tool: 'ike-scan',
      command: `ike-scan --nat-t ${S}`,
      look: 'An IKEv1 answer on port 4500 (RFC 3947 encapsulation) proves the L2TP/IPsec server accepts NAT-T.',
      caveat: 'ike-scan has no IPv6 option.',
      citations: [SOURCES.ikeScan, SOURCES.ikev1NatTraversal],
    });
  }
  if (offersL2tp(s) && s.serverNat) {
    checks.push({
      id: 'nat-t.client.windows-registry',
      purpose: 'Windows NAT-T registry value, the fix for error 809',
      side: 'client',
      tool: 'reg',
      // Read the value, then set it (elevated prompt); Windows reads it only at start-up.
      command:
        'reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\PolicyAgent /v AssumeUDPEncapsulationContextOnSendRule\n' +
        'reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\PolicyAgent /v AssumeUDPEncapsulationContextOnSendRule /t REG_DWORD /d 2 /f\n' +
        'shutdown /r /t 0',
      look: 'The query shows 0x2. If the value is missing or different, the second command sets it from an administrator prompt and the third restarts Windows, which it needs before the value applies. Without it, Windows L2TP/IPsec clients fail with error 809 toward a server behind NAT.',
      citations: [SOURCES.msL2tpNatT, SOURCES.hwdsl2Clients],
    });
  }
  checks.push(firewallCounterCheck(s, 'nat-t', 'UDP 4500'));
  return {
    id: 'nat-t',
    label: 'IKE NAT traversal and ESP-in-UDP, UDP 4500',
    transport: 'udp',
    ipProtocol: 17,
    port: 4500,
    need: natPresent ? 'required' : 'conditional',
    openToInternet: true,
    directions: [
      { from: 'client', to: 'server', port: 4500, note: 'IKE after NAT detection, ESP in UDP, NAT keepalives' },
      { from: 'server', to: 'client', port: null, note: 'the same, back to the port the NAT mapped' },
    ],
    why: 'When either side detects NAT, IKE moves to UDP 4500 and ESP is wrapped in UDP on the same port so that NAT devices can map it.',
    when: natPresent
      ? 'Always in this scenario: a NAT sits between clients and server.'
      : 'Only for peers behind NAT; open it anyway, since clients change networks.',
    whyCitations: [SOURCES.ikev2NatTraversal, SOURCES.espInUdp, ...(offersL2tp(s) ? [SOURCES.ikev1NatTraversal] : [])],
    checks,
    failures: [
      {
        symptom: 'The first IKE exchange succeeds on port 500, then nothing: the rest of the negotiation on UDP 4500 is lost.',
        signs: [
          'strongSwan client: "retransmit 1 of request with message ID 1" after NAT was detected',
          'Windows: error 809 (RasClient event 20227)',
          ...(offersL2tp(s) && s.serverNat ? ['Windows L2TP/IPsec to a server behind NAT: error 809 until AssumeUDPEncapsulationContextOnSendRule is set'] : []),
        ],
        citations: [SOURCES.msRasEvents, SOURCES.hwdsl2Clients, chapter('/guide/troubleshooting/')],
      },
      {
        symptom: 'IKE_SA_INIT is answered but IKE_AUTH never completes: large IKE_AUTH messages (certificate chains) are split into IP fragments that a middlebox drops.',
        signs: ['Windows: error 809 after a first answer was seen', 'A capture shows IP fragments leaving the client and none arriving at the server'],
        citations: [SOURCES.ikeFragmentation, chapter('/guide/troubleshooting/')],
      },
    ],
  };
}

function espFlow(s: Scenario): Flow {
  const filter = [usesIpv4(s) ? 'ip proto 50' : null, usesIpv6(s) ? 'ip6 proto 50' : null].filter((f) => f !== null).join(' or ');
  return {
    id: 'esp',
    label: 'ESP, IP protocol 50',
    transport: 'esp',
    ipProtocol: 50,
    port: null,
    need: s.clientNat ? 'conditional' : 'required',
    openToInternet: true,
    directions: [
      { from: 'client', to: 'server', port: null, note: 'encrypted data, no ports' },
      { from: 'server', to: 'client', port: null, note: 'encrypted data, no ports' },
    ],
    why: 'Without NAT, IPsec sends data as ESP, IP protocol 50, which has no ports and is not UDP or TCP.',
    when: s.clientNat
      ? 'Only for clients that reach the server without NAT; NATed clients send ESP inside UDP 4500.'
      : 'Always in this scenario: no NAT is detected, so data travels as plain ESP.',
    whyCitations: [SOURCES.esp, SOURCES.ikev2NatTraversal],
    checks: [
      {
        id: 'esp.server.tcpdump',
        purpose: 'Does plain ESP (protocol 50) reach the server?',
        side: 'server',
        tool: 'tcpdump',
        command: `tcpdump -ni any '${filter}'`,
        look: 'ESP packets arrive from connected clients that are not behind NAT.',
        citations: [SOURCES.esp],
      },
      {
        id: 'esp.server.xfrm',
        purpose: 'Which SAs use plain ESP?',
        side: 'server',
        tool: 'ip xfrm',
        command: 'ip xfrm state',
        look: 'SAs without an "encap" line use plain ESP; their traffic needs protocol 50 to pass.',
        citations: [SOURCES.esp],
      },
      {
        id: 'esp.client.force-encap',
        purpose: 'Does traffic flow once UDP encapsulation is forced?',
        side: 'client',
        tool: 'strongSwan / libreswan',
        command: null,
        look: 'If traffic flows once UDP encapsulation is forced (strongSwan encap = yes, libreswan encapsulation=yes), something on the path drops protocol 50.',
        citations: [SOURCES.strongswanEncap],
      },
      firewallCounterCheck(s, 'esp', 'ESP'),
    ],
    failures: [
      {
        symptom: 'The tunnel comes up but no traffic passes: the client shows "connected", pages do not load.',
        signs: ['The ESP rule counter on the server stays at zero', 'IKE SAs are established; CHILD_SA byte counters do not grow on the server'],
        citations: [chapter('/guide/troubleshooting/')],
      },
    ],
  };
}

const LINUX_L2TP_LOOK = 'The "inside IPsec" rule counts L2TP packets; the drop rule counts any plain UDP 1701 that arrived.';
const L2TP_FIREWALL_LOOKS: Record<Scenario['firewall'], string> = {
  nftables: LINUX_L2TP_LOOK,
  iptables: LINUX_L2TP_LOOK,
  windows: 'No enabled rule allows UDP 1701 without -Authentication Required; check with Get-NetFirewallRule and Get-NetFirewallPortFilter.',
  routeros: 'The rule with ipsec-policy=in,ipsec sits above the rule that drops UDP 1701.',
};
/** Where each firewall documents matching "arrived inside IPsec". */
const L2TP_FIREWALL_SOURCES: Record<Scenario['firewall'], Citation> = {
  nftables: SOURCES.nftMetaIpsec,
  iptables: SOURCES.iptablesPolicy,
  windows: SOURCES.msNewNetFirewallRule,
  routeros: SOURCES.routerosDefconf,
};

function l2tpFlow(s: Scenario): Flow {
  const counters: Record<Scenario['firewall'], string | null> = { ...linuxCounters(s), windows: null, routeros: null };
  return {
    id: 'l2tp',
    label: 'L2TP, UDP 1701, only inside IPsec',
    transport: 'udp',
    ipProtocol: 17,
    port: 1701,
    need: 'inside-ipsec-only',
    openToInternet: false,
    directions: [
      { from: 'client', to: 'server', port: 1701, note: 'inside ESP transport mode only' },
      { from: 'server', to: 'client', port: null, note: 'inside ESP transport mode only' },
    ],
    why: 'L2TP runs on UDP 1701 and carries PPP without encryption; RFC 3193 protects it with ESP in transport mode. Accept 1701 only after IPsec has decrypted it, never from the Internet.',
    when: 'L2TP/IPsec only. The packets arrive inside ESP (or ESP-in-UDP 4500) and reach UDP 1701 after decryption.',
    whyCitations: [SOURCES.l2tpUdp, SOURCES.l2tpIpsec],
    checks: [
      {
        id: 'l2tp.client.nmap',
        purpose: 'Is UDP 1701 closed to plain (unencrypted) traffic?',
        side: 'client',
        tool: 'nmap',
        command: `nmap${nmapFamily(s)} -sU -p 1701 ${S}`,
        look: "Must not report 'open': an answer on plain UDP 1701 means L2TP is reachable without IPsec.",
        caveat: "'open|filtered' is the expected result; UDP scans cannot prove a port closed.",
        citations: [SOURCES.nmapUdpScan],
      },
      {
        id: 'l2tp.server.policy',
        purpose: 'Does an IPsec policy protect UDP 1701 for each client?',
        side: 'server',
        tool: 'ip xfrm',
        command: 'ip xfrm policy',
        look: 'A transport-mode policy covers UDP port 1701 for each connected L2TP client.',
        citations: [SOURCES.l2tpIpsec],
      },
      {
        id: 'l2tp.server.firewall',
        purpose: 'Does the firewall accept UDP 1701 only from inside IPsec?',
        side: 'server',
        tool: FIREWALL_TOOLS[s.firewall],
        command: counters[s.firewall],
        look: L2TP_FIREWALL_LOOKS[s.firewall],
        citations: [L2TP_FIREWALL_SOURCES[s.firewall]],
      },
    ],
    failures: [
      {
        symptom: 'IPsec comes up but the L2TP/PPP stage never completes: the "inside IPsec" rule is missing or below a drop rule.',
        signs: ['The UDP 1701 drop counter grows while a client connects', 'The client gives up after the IPsec phase'],
        citations: [chapter('/guide/troubleshooting/')],
      },
      {
        symptom: 'L2TP connects even with IPsec switched off on the client: UDP 1701 is open to the Internet and PPP travels unencrypted.',
        signs: ["nmap reports UDP 1701 'open'"],
        citations: [SOURCES.l2tpIpsec],
      },
    ],
  };
}

function tcpEncapFlow(s: Scenario): Flow {
  return {
    id: 'tcp-encap',
    label: 'IKE and ESP over TCP (RFC 9329), TCP 4500',
    transport: 'tcp',
    ipProtocol: 6,
    port: 4500,
    need: 'required',
    openToInternet: true,
    directions: [
      { from: 'client', to: 'server', port: 4500, note: 'one TCP connection carrying IKE and ESP' },
      { from: 'server', to: 'client', port: null, note: 'replies on the same connection' },
    ],
    why: 'RFC 9329 carries IKE and ESP in a TCP stream for networks that block UDP. libreswan listens on TCP 4500 when listen-tcp=yes.',
    when: 'Only for IKEv2 clients that fall back to TCP; both ends must implement RFC 9329.',
    whyCitations: [SOURCES.tcpEncapsulation, SOURCES.libreswanListenTcp],
    checks: [
      {
        id: 'tcp-encap.client.nmap',
        purpose: 'Does TCP 4500 accept connections from outside?',
        side: 'client',
        tool: 'nmap',
        command: `nmap${nmapFamily(s)} -sT -p 4500 ${S}`,
        look: "'open' means the TCP handshake completed: unlike UDP, this is conclusive.",
        ...(s.family === 'both' ? { caveat: REPEAT_FOR_IPV6.trim() } : {}),
        citations: [SOURCES.nmapConnectScan],
      },
      {
        id: 'tcp-encap.client.powershell',
        purpose: 'Can a Windows client open TCP 4500?',
        side: 'client',
        tool: 'PowerShell',
        command: `Test-NetConnection -ComputerName ${S} -Port 4500`,
        look: 'TcpTestSucceeded : True',
        citations: [chapter('/guide/troubleshooting/')],
      },
      {
        id: 'tcp-encap.server.listening',
        purpose: 'Is the IKE daemon listening on TCP 4500?',
        side: 'server',
        tool: 'ss',
        command: "ss -tlnp 'sport = :4500'",
        look: 'pluto listens on TCP 4500 (libreswan with listen-tcp=yes).',
        citations: [SOURCES.libreswanListenTcp],
      },
      {
        id: 'tcp-encap.server.tcpdump',
        purpose: 'Do IKE-over-TCP connections reach the server?',
        side: 'server',
        tool: 'tcpdump',
        command: 'tcpdump -ni any tcp port 4500',
        look: 'A TCP handshake, then the stream starts with the "IKETCP" prefix.',
        citations: [SOURCES.tcpEncapsulation],
      },
      firewallCounterCheck(s, 'tcp-encap', 'TCP 4500'),
    ],
    failures: [
      {
        symptom: 'The TCP fallback never connects.',
        signs: ['Connection refused: nothing listens (listen-tcp=no)', 'Timeout: a firewall drops TCP 4500 (or the network allows only 443: use another port)'],
        citations: [SOURCES.libreswanEnableTcp, SOURCES.libreswanListenTcp],
      },
    ],
  };
}

/** The flows a scenario needs, in the order a connection uses them. */
export function flowsFor(input: Scenario): Flow[] {
  const s = validateScenario(input);
  const flows = [ikeFlow(s), natTFlow(s)];
  if (espMayBeUsed(s)) flows.push(espFlow(s));
  if (offersL2tp(s)) flows.push(l2tpFlow(s));
  if (usesTcpEncapsulation(s)) flows.push(tcpEncapFlow(s));
  return flows;
}

/**
 * Reads an IKE daemon's log and says where the handshake stopped and why.
 *
 * One pass over the lines collects facts (exchanges sent and answered, retransmissions, packet
 * sizes and ports, proposals, notifications, identities, certificate checks); each cause
 * detector then scores what it found, so the causes come out ranked with the lines that show
 * them. The message texts matched below are charon's (strongSwan 5.9.8; the source file that
 * prints each one is named next to it) and were checked against real logs produced in the lab
 * (tests/lab/results/logs/, tests/lab/scenarios/logs.sh). pluto's messages (libreswan 4.10) are
 * matched in their own block, checked against the pluto logs of tests/lab/scenarios/pluto-logs.ts.
 */
import { CHAPTER_PATH, LOG_CAUSES, LOG_CAUSE_IDS, type LogCauseId, type Stage } from './causes';
import { parseLines, type Daemon, type LogLine } from './lines';
import { parseLoggedProposals, proposalParameter, type LoggedProposal } from './proposals';

export interface Link {
  readonly label: string;
  /** Site-relative URL ('/tools/ports/?v=1&...'); the page adds the base path. */
  readonly href: string;
}

export interface Cause {
  readonly id: LogCauseId;
  readonly title: string;
  /** What this log shows, in one or two sentences with the values from the log. */
  readonly detail: string;
  readonly fix: string;
  readonly severity: 'failure' | 'info';
  readonly stage: Stage;
  /** Line numbers (1-based) that show the cause. */
  readonly evidence: readonly number[];
  readonly links: readonly Link[];
}

export type Outcome = 'established' | 'child-failed' | 'failed' | 'inconclusive' | 'no-log';

export interface Step {
  readonly n: number;
  /** 'out' = this host sent it, 'in' = it received it. */
  readonly direction: 'out' | 'in';
  readonly exchange: string;
  readonly kind: 'request' | 'response';
  readonly messageId: number;
  readonly payloads: string;
  /** UDP payload bytes and ports of the packet that carried it, when logged. */
  readonly bytes?: number;
  readonly localPort?: number;
  readonly remotePort?: number;
  /** Number of retransmissions of this request. */
  readonly retransmits: number;
  readonly answered: boolean;
}

export interface Diagnosis {
  readonly outcome: Outcome;
  readonly daemon: Daemon;
  readonly role?: 'initiator' | 'responder';
  /** Where it stopped, from the most likely cause. */
  readonly stage?: Stage;
  /** One sentence for the reader. */
  readonly verdict: string;
  /** Most likely first. */
  readonly causes: readonly Cause[];
  readonly steps: readonly Step[];
  readonly local?: string;
  readonly remote?: string;
  readonly lineCount: number;
  /** Lines that came from charon or pluto (the rest were skipped). */
  readonly recognized: number;
  /** The text of every evidence line, by line number, so the result can be shown on its own. */
  readonly quotes: Readonly<Record<number, string>>;
}

// Ethernet MTU, and the IPv4/IPv6 + UDP headers in front of the IKE message
// (RFC 894; RFC 791, RFC 8200, RFC 768). charon logs the UDP payload size.
const ETHERNET_MTU = 1500;
const IPV4_UDP = 28;
const IPV6_UDP = 48;

const STRONG = 90;
const LIKELY = 60;
const POSSIBLE = 30;

interface Finding {
  score: number;
  evidence: Set<number>;
  details: string[];
}

type MutableStep = { -readonly [K in keyof Step]: Step[K] };

interface Request {
  step: MutableStep;
  index: number;
}

const EXCHANGE_MESSAGE = /^(generating|parsed) ([A-Z_]+) (request|response) (\d+) \[ ?(.*?) ?\]$/;
const PACKET = /^(sending|received) packet: from (\S+)\[(\d+)\] to (\S+)\[(\d+)\] \((\d+) bytes\)/;

// pluto's state names of an initiator waiting for IKE_SA_INIT and IKE_AUTH answers (RFC 7296 §1.2)
const PLUTO_WAITING: Record<string, string> = { STATE_V2_PARENT_I1: 'IKE_SA_INIT', STATE_V2_PARENT_I2: 'IKE_AUTH' };

/** First words of every message matched below. */
const FIRST_WORDS = new Set([
  'generating', 'parsed', 'sending', 'received', 'retransmit', 'giving', 'establishing', 'configured', 'initiating',
  'Starting', 'no', 'peer', 'DH', 'tried', 'authentication', 'server', 'EAP', 'constraint', 'traffic', 'CHILD_SA',
  'IKE_SA', 'deleting', 'splitting', 'local', 'remote',
  // pluto
  'sent', 'dropping', 'responding', 'processing', 'initiator', 'responder', 'IKE', 'IKE_AUTH', 'proposal',
  ...Object.keys(PLUTO_WAITING).map((state) => `${state}:`),
]);

export function diagnoseLog(text: string): Diagnosis {
  const lines = parseLines(typeof text === 'string' ? text : '');
  return diagnoseLines(lines);
}

export function diagnoseLines(lines: readonly LogLine[]): Diagnosis {
  const findings = new Map<LogCauseId, Finding>();
  const find = (id: LogCauseId, score: number, evidence: number[], detail?: string) => {
    let f = findings.get(id);
    if (!f) findings.set(id, (f = { score, evidence: new Set(), details: [] }));
    f.score = Math.max(f.score, score);
    for (const n of evidence) f.evidence.add(n);
    if (detail && !f.details.includes(detail)) f.details.push(detail);
  };

  const steps: MutableStep[] = [];
  const pending = new Map<string, Request>(); // "<ike_sa>/<message id>" -> outgoing request
  let lastOut: Request | undefined; // request whose packet line comes next
  let role: 'initiator' | 'responder' | undefined;
  let daemon: Daemon = 'unknown';
  let recognized = 0;
  let local: string | undefined;
  let remote: string | undefined;
  let ikeUp = 0;
  let childUp = 0;
  let receivedAny = false;
  let daemonStart: number | undefined;
  let myAuth: 'psk' | 'eap' | 'signature' | undefined;
  let localNat = false;
  let remoteNat = false;
  let fragmentsSent = false;
  let issuerMissing: number | undefined;
  let eapFailed = false;
  let exchange = ''; // exchange of the last message seen (context for proposals and notifies)
  let rekeying = false;
  const proposals: { received: { list: LoggedProposal[]; n: number }[]; configured: { list: LoggedProposal[]; n: number }[] } = {
    received: [],
    configured: [],
  };
  const halfOpen: number[] = [];
  const gaveUp: number[] = [];

  for (const line of lines) {
    if (line.daemon !== 'unknown') {
      recognized++;
      if (daemon === 'unknown') daemon = line.daemon;
    }
    const m = line.message;
    // Most lines of a long log are about nothing diagnosed here: skip them on their first word.
    const space = m.indexOf(' ');
    const first = space === -1 ? m : m.slice(0, space);
    if (!FIRST_WORDS.has(first) && !first.startsWith('EAP') && !m.endsWith(' is initiating an IKE_SA')) continue;
    const n = line.n;
    const sa = line.ikeSa ?? '';
    let r: RegExpExecArray | null;

    if (line.daemon === 'pluto') {
      // Requests are keyed by pluto's state number; answers are implied by what pluto does next.
      const answer = (ex: string) => {
        const req = pending.get(`#${line.state}/${ex}`);
        if (req) req.step.answered = true;
      };
      if ((r = /^sent (IKE_SA_INIT|IKE_AUTH) request(?: to (\S+):(\d+))?/.exec(m))) {
        const ex = group(r, 1);
        if (ex === 'IKE_AUTH') answer('IKE_SA_INIT');
        const step: MutableStep = { n, direction: 'out', exchange: ex, kind: 'request', messageId: ex === 'IKE_SA_INIT' ? 0 : 1, payloads: '', retransmits: 0, answered: false };
        if (r[3] !== undefined) step.remotePort = Number(r[3]);
        if (r[2] !== undefined) remote ??= r[2];
        role ??= 'initiator';
        steps.push(step);
        pending.set(`#${line.state}/${ex}`, { step, index: steps.length - 1 });
        exchange = ex;
        continue;
      }
      // "STATE_V2_PARENT_I1: retransmission; will wait 1 seconds for response"
      if ((r = /^(STATE_\w+): retransmission;/.exec(m))) {
        const req = pending.get(`#${line.state}/${PLUTO_WAITING[group(r, 1)] ?? ''}`);
        if (req) req.step.retransmits++;
        continue;
      }
      // "STATE_V2_PARENT_I1: 4 second timeout exceeded after 3 retransmits.  No response ..."
      if (/^STATE_\w+: \d+ second timeout exceeded/.test(m)) {
        gaveUp.push(n);
        continue;
      }
      if (/^initiating IKEv2 connection/.test(m)) {
        role ??= 'initiator';
        continue;
      }
      if ((r = /^responding to IKE_SA_INIT message \(ID 0\) from (\S+):\d+/.exec(m))) {
        role ??= 'responder';
        remote ??= r[1];
        receivedAny = true;
        continue;
      }
      if (/^(proposal \S+ chosen from remote proposals|sent IKE_SA_INIT reply|processing decrypted IKE_AUTH request)/.test(m)) {
        role ??= 'responder';
        receivedAny = true;
        continue;
      }
      // the responder refused IKE_SA_INIT; pluto 4.10 drops the unauthenticated refusal and waits on
      if (/^dropping unexpected IKE_SA_INIT message containing NO_PROPOSAL_CHOSEN/.test(m)) {
        answer('IKE_SA_INIT');
        receivedAny = true;
        find('no-proposal-ike', LIKELY, [n]);
        find('no-ike-config', POSSIBLE, [n]);
        continue;
      }
      // responder: IKE proposals in IKE_SA_INIT, ESP/AH proposals in IKE_AUTH or CREATE_CHILD_SA
      if ((r = /^no local proposal matches remote proposals \d+:(IKE|ESP|AH):/.exec(m))) {
        const id: LogCauseId = r[1] === 'IKE' ? 'no-proposal-ike' : rekeying ? 'rekey-failed' : 'no-proposal-esp';
        find(id, STRONG, [n]);
        continue;
      }
      if ((r = /^(initiator|responder) established IKE SA; authenticated peer using authby=(\S+)/.exec(m))) {
        role ??= r[1] as 'initiator' | 'responder';
        answer('IKE_AUTH');
        ikeUp = ikeUp || n;
        continue;
      }
      if (/^(initiator|responder) established Child SA/.test(m)) {
        childUp = childUp || n;
        continue;
      }
      if ((r = /^IKE_AUTH response rejected Child SA with (\S+)/.exec(m))) {
        const notify = group(r, 1);
        if (notify === 'TS_UNACCEPTABLE') find('ts-unacceptable', STRONG, [n]);
        else if (notify === 'NO_PROPOSAL_CHOSEN') find('no-proposal-esp', STRONG, [n]);
        continue;
      }
      // responder: the AUTH payload made with its PSK differs from the peer's
      if ((r = /^authentication failed: computed hash does not match hash received from peer (.*)/.exec(m))) {
        find('auth-psk', STRONG, [n], `The key stored for ${group(r, 1)} does not produce the peer\u2019s AUTH value.`);
        continue;
      }
      // initiator: pluto's log does not say which method it authenticated with
      if (/^IKE SA authentication request rejected by peer: AUTHENTICATION_FAILED/.test(m)) {
        answer('IKE_AUTH');
        find('auth-psk', POSSIBLE, [n]);
        find('cert-untrusted', POSSIBLE, [n]);
        find('no-peer-config', POSSIBLE, [n]);
        continue;
      }
    }

    if ((r = EXCHANGE_MESSAGE.exec(m))) {
      if (daemon === 'unknown') daemon = 'charon';
      const [, verb, ex, kind, id, payloads] = r as unknown as [string, string, string, 'request' | 'response', string, string];
      exchange = ex;
      if (kind === 'request') rekeying = ex === 'CREATE_CHILD_SA' && /REKEY_SA/.test(payloads);
      const step: MutableStep = { n, direction: verb === 'generating' ? 'out' : 'in', exchange: ex, kind, messageId: Number(id), payloads, retransmits: 0, answered: false };
      steps.push(step);
      const key = `${sa}/${id}`;
      if (step.direction === 'out' && kind === 'request') {
        lastOut = { step, index: steps.length - 1 };
        pending.set(key, lastOut);
      } else {
        lastOut = step.direction === 'out' ? { step, index: steps.length - 1 } : undefined;
        if (step.direction === 'in' && kind === 'response') {
          const req = pending.get(key);
          if (req) req.step.answered = true;
        }
        if (step.direction === 'in' && kind === 'request') receivedAny = true;
      }
      // the initiator tells the responder that it rejected the responder's authentication
      if (step.direction === 'in' && kind === 'request' && /N\(AUTH_FAILED\)/.test(payloads)) {
        // after a failed EAP round the client gives up with AUTH_FAILED (an EAP-MSCHAPv2 failure request allows a retry)
        if (eapFailed) find('eap-failed', STRONG, [n]);
        else if (myAuth === 'psk') find('auth-psk', LIKELY, [n]);
        else {
          find('cert-untrusted', LIKELY, [n], 'The client rejected this server\u2019s certificate: its CA is not trusted there, or the certificate lacks the name the client expects.');
          find('auth-cert-id', LIKELY - 5, [n]);
        }
      }
      continue;
    }
    if ((r = PACKET.exec(m))) {
      const [, verb, from, fromPort, to, toPort, bytes] = r as unknown as string[];
      if (verb === 'received') receivedAny = true;
      if (verb === 'sending') {
        local ??= from;
        remote ??= to;
        if (lastOut) {
          lastOut.step.bytes = Number(bytes);
          lastOut.step.localPort = Number(fromPort);
          lastOut.step.remotePort = Number(toPort);
          lastOut = undefined;
        }
      } else {
        local ??= to;
        remote ??= from;
      }
      continue;
    }
    // sa/ikev2/task_manager_v2.c
    if ((r = /^retransmit (\d+) of request with message ID (\d+)/.exec(m))) {
      const req = pending.get(`${sa}/${r[2]}`);
      if (req) {
        req.step.retransmits = Number(r[1]);
        lastOut = req; // the packet line that follows is the retransmission
      }
      continue;
    }
    if (/^giving up after \d+ retransmits/.test(m) || /^establishing IKE_SA failed, peer not responding/.test(m)) {
      gaveUp.push(n);
      continue;
    }
    // sa/ikev2/tasks/ike_init.c, child_create.c (via proposal selection in config/ike_cfg.c, child_cfg.c)
    if ((r = /^(received|configured) proposals: (.*)$/.exec(m))) {
      proposals[r[1] === 'received' ? 'received' : 'configured'].push({ list: parseLoggedProposals(group(r, 2)), n });
      continue;
    }
    if ((r = /^initiating IKE_SA \S+ to (\S+)/.exec(m))) {
      role ??= 'initiator';
      remote ??= r[1];
      continue;
    }
    if ((r = /^(\S+) is initiating an IKE_SA/.exec(m))) {
      role ??= 'responder';
      remote ??= r[1];
      continue;
    }
    if (/^Starting IKE (charon|pluto) daemon|^Starting Pluto/.test(m)) {
      daemonStart ??= n;
      daemon = m.includes('charon') ? 'charon' : 'pluto';
      continue;
    }
    // sa/ikev2/tasks/ike_init.c (responder)
    if (/^received proposals unacceptable/.test(m)) {
      find('no-proposal-ike', STRONG, [n, ...recent(proposals, 'IKE')]);
      continue;
    }
    // sa/ikev2/tasks/child_create.c (responder)
    if (/^no acceptable proposal found/.test(m)) {
      const ev = [n, ...recent(proposals, 'ESP')];
      if (rekeying) find('rekey-failed', STRONG, ev);
      else find('no-proposal-esp', STRONG, ev);
      continue;
    }
    // sa/ikev2/tasks/ike_init.c (responder without a matching ike config)
    if ((r = /^no IKE config found for (\S+)\.\.\.(\S+), sending NO_PROPOSAL_CHOSEN/.exec(m))) {
      find('no-ike-config', STRONG, [n], `No configuration on this host matches ${r[1]} (local) and ${r[2]} (remote).`);
      continue;
    }
    if (/^received NO_PROPOSAL_CHOSEN notify error/.test(m)) {
      // the peer refused IKE_SA_INIT: no common proposal, or no config at all for us
      find('no-proposal-ike', LIKELY, [n]);
      find('no-ike-config', POSSIBLE, [n]);
      continue;
    }
    if (/^received NO_PROPOSAL_CHOSEN notify, no CHILD_SA built/.test(m)) {
      if (exchange === 'CREATE_CHILD_SA') find('rekey-failed', STRONG, [n]);
      else find('no-proposal-esp', STRONG, [n]);
      continue;
    }
    // sa/ikev2/tasks/ike_init.c
    if ((r = /^peer didn't accept DH group (\S+), it requested (\S+)/.exec(m)) || (r = /^DH group (\S+) unacceptable, requesting (\S+)/.exec(m))) {
      find('ke-retry', STRONG, [n], `The initiator guessed ${r[1]}; the responder asked for ${r[2]}.`);
      continue;
    }
    // sa/ikev2/authenticators/psk_authenticator.c
    if ((r = /^tried \d+ shared keys? for '(.*)' - '(.*)', but MAC mismatched/.exec(m))) {
      find('auth-psk', STRONG, [n], `The key stored for '${r[1]}' and '${r[2]}' does not produce the peer\u2019s AUTH value.`);
      continue;
    }
    if ((r = /^authentication of '(.*)' \(myself\) with (.*)/.exec(m))) {
      myAuth = /pre-shared key/.test(group(r, 2)) ? 'psk' : 'signature';
      continue;
    }
    if (/^server requested EAP_|^initiating EAP_/.test(m)) {
      myAuth = 'eap';
      continue;
    }
    if (/^received AUTHENTICATION_FAILED notify error/.test(m)) {
      // the peer refused us; its own log says why
      if (myAuth === 'psk') find('auth-psk', LIKELY, [n]);
      if (myAuth === 'eap') find('eap-failed', LIKELY, [n]);
      find('no-peer-config', POSSIBLE, [n]);
      if (myAuth === 'signature') find('cert-untrusted', POSSIBLE, [n]);
      continue;
    }
    // sa/ikev2/tasks/ike_auth.c
    if (/^no matching peer config found/.test(m)) {
      find('no-peer-config', STRONG, [n, ...recentMatch(lines, n, /^looking for peer configs matching/)]);
      continue;
    }
    // credentials/credential_manager.c
    if (/^no issuer certificate found for /.test(m)) {
      issuerMissing = n;
      const next = lines[n];
      find('cert-untrusted', STRONG, [n, ...(next && /^\s*issuer is /.test(next.message) ? [n + 1] : [])]);
      continue;
    }
    if ((r = /^no trusted (\S+) public key found for '(.*)'/.exec(m))) {
      if (issuerMissing !== undefined) find('cert-untrusted', STRONG, [n]);
      else find('auth-cert-id', LIKELY, [n], `No trusted certificate holds the identity '${r[2]}'.`);
      continue;
    }
    // config/peer_cfg.c / credentials/auth_cfg.c
    if ((r = /^constraint check failed: identity '(.*)' required/.exec(m))) {
      find('auth-cert-id', STRONG, [n, ...recentMatch(lines, n, /^received end entity cert /)], `The client requires the identity '${r[1]}', which the server\u2019s certificate does not contain.`);
      continue;
    }
    // sa/ikev2/authenticators/eap_authenticator.c ("EAP method %N failed for peer", "%N method failed"),
    // plugins/eap_md5, plugins/eap_mschapv2 ("EAP-MS-CHAPv2 verification failed, retry (%d)", "... failed with error %N")
    if (/^EAP method \S+ failed for peer|^received EAP_FAILURE, EAP authentication failed|^EAP-[A-Za-z0-9-]+ (?:verification failed|failed with error)|^EAP_[A-Z0-9]+ method failed/.test(m)) {
      eapFailed = true;
      find('eap-failed', STRONG, [n]);
      continue;
    }
    // sa/ikev2/tasks/child_create.c
    if ((r = /^traffic selectors (.*) unacceptable/.exec(m))) {
      find('ts-unacceptable', STRONG, [n], `The selectors ${r[1]} have no overlap with the configured ones.`);
      continue;
    }
    if (/^received TS_UNACCEPTABLE notify, no CHILD_SA built/.test(m)) {
      find('ts-unacceptable', STRONG, [n]);
      continue;
    }
    // sa/ikev2/tasks/child_rekey.c, ike_rekey.c
    if (/^(CHILD_SA|IKE_SA) rekeying failed/.test(m)) {
      find('rekey-failed', STRONG, [n]);
      continue;
    }
    if ((r = /^IKE_SA \S+ established between (\S+?)\[.*\]\.\.\.(\S+?)\[/.exec(m))) {
      ikeUp = ikeUp || n;
      local = r[1];
      remote = r[2];
      continue;
    }
    if (/^CHILD_SA \S+ established with SPIs/.test(m)) {
      childUp = childUp || n;
      continue;
    }
    // sa/ike_sa_manager.c / processing/jobs: the responder's half-open IKE_SA timed out
    if (/^deleting half open IKE_SA with \S+ after timeout/.test(m)) {
      halfOpen.push(n);
      continue;
    }
    if (/^splitting IKE message \(\d+ bytes\) into \d+ fragments/.test(m)) {
      fragmentsSent = true;
      continue;
    }
    if (m === 'local host is behind NAT, sending keep alives') localNat = true;
    else if (m === 'remote host is behind NAT') remoteNat = true;
  }

  // Requests that were never answered: the last one says where the path broke.
  const unanswered = steps.filter((s) => s.direction === 'out' && s.kind === 'request' && !s.answered && (s.retransmits > 0 || gaveUp.length > 0));
  const stuck = unanswered[unanswered.length - 1];
  const v6 = (remote ?? '').includes(':');
  if (stuck) {
    const ev = [stuck.n, ...gaveUp, ...retransmitLines(lines, stuck)];
    const port = stuck.remotePort ?? (stuck.exchange === 'IKE_SA_INIT' ? 500 : 4500);
    const portCause: LogCauseId = port === 4500 ? 'no-response-4500' : 'no-response-500';
    const size = stuck.bytes;
    const fragmented = size !== undefined && size + (v6 ? IPV6_UDP : IPV4_UDP) > ETHERNET_MTU && !fragmentsSent;
    const sent = `${stuck.exchange} request ${stuck.messageId}${size !== undefined ? ` (${size} bytes)` : ''} was sent to port ${port}${stuck.retransmits > 0 ? ` and retransmitted ${stuck.retransmits} times` : ''} without an answer.`;
    if (stuck.exchange === 'CREATE_CHILD_SA') find('rekey-failed', LIKELY, ev, sent);
    else if (fragmented) {
      find('ike-fragmentation', STRONG, ev, `${sent} At ${size} bytes it needs more than one ${ETHERNET_MTU}-byte IP packet, so it travels as IP fragments, which many firewalls and NATs drop.`);
      find(portCause, LIKELY, ev, sent);
    } else find(portCause, STRONG, ev, sent);
  } else if (halfOpen.length > 0) {
    // responder: IKE_SA_INIT answered, IKE_AUTH never arrived
    const ev = [...halfOpen, ...steps.filter((s) => s.exchange === 'IKE_SA_INIT' && s.direction === 'out').map((s) => s.n)];
    const detail = 'This host answered IKE_SA_INIT, but the IKE_AUTH request never arrived, so the half-open IKE_SA timed out.';
    find(remoteNat || localNat ? 'no-response-4500' : 'no-response-500', LIKELY, ev, detail);
    find('ike-fragmentation', LIKELY - 5, ev, detail);
  } else if (daemonStart !== undefined && !receivedAny && !role && findings.size === 0) {
    find('no-response-500', POSSIBLE, [daemonStart], 'The daemon started, but the log shows no IKE packet arriving at all.');
  }

  const ranked = [...findings.entries()].sort(
    ([a, fa], [b, fb]) => fb.score - fa.score || LOG_CAUSE_IDS.indexOf(a) - LOG_CAUSE_IDS.indexOf(b),
  );
  const facts = { role, local, remote, localNat, remoteNat, proposals, v6 };
  const causes: Cause[] = ranked.map(([id, f]) => {
    const info = LOG_CAUSES[id];
    return {
      id,
      title: info.title,
      detail: f.details.join(' ') || defaultDetail(id),
      fix: info.fix,
      severity: info.severity,
      stage: info.stage,
      evidence: [...f.evidence].sort((a, b) => a - b),
      links: linksFor(id, info.section, facts),
    };
  });

  const failures = causes.filter((c) => c.severity === 'failure');
  const top = failures[0];
  const childFailed = top !== undefined && ikeUp > 0 && top.stage !== 'IKE_SA_INIT' && top.stage !== 'IKE_AUTH';
  const outcome: Outcome =
    recognized === 0 && steps.length === 0
      ? 'no-log'
      : failures.length > 0
        ? childFailed
          ? 'child-failed'
          : 'failed'
        : ikeUp > 0 && childUp > 0
          ? 'established'
          : 'inconclusive';
  const quotes: Record<number, string> = {};
  for (const c of causes) for (const n of c.evidence) quotes[n] = lineAt(lines, n - 1).text;
  return {
    outcome,
    daemon,
    ...(role ? { role } : {}),
    ...(top ? { stage: top.stage } : {}),
    verdict: verdictFor(outcome, top, stuck, causes, role),
    causes,
    steps,
    ...(local ? { local } : {}),
    ...(remote ? { remote } : {}),
    lineCount: lines.length,
    recognized,
    quotes,
  };
}

/** A capture group that always takes part in its regex's match (e.g. `(.*)` outside any alternation). */
function group(r: RegExpExecArray, i: number): string {
  const g = r[i];
  if (g === undefined) throw new Error(`capture group ${i} missing in match of '${r[0]}'`);
  return g;
}

/** The line at a 0-based index known to be in range (evidence and loop indices come from `lines`). */
function lineAt(lines: readonly LogLine[], i: number): LogLine {
  const line = lines[i];
  if (line === undefined) throw new Error(`log line index ${i} out of range (${lines.length} lines)`);
  return line;
}

function recent(p: { received: { list: LoggedProposal[]; n: number }[]; configured: { list: LoggedProposal[]; n: number }[] }, protocol: 'IKE' | 'ESP'): number[] {
  const last = (xs: { list: LoggedProposal[]; n: number }[]) => [...xs].reverse().find((x) => x.list.some((l) => l.protocol === protocol))?.n;
  return [last(p.received), last(p.configured)].filter((n): n is number => n !== undefined);
}

/** The closest earlier line (within 20) whose message matches. */
function recentMatch(lines: readonly LogLine[], n: number, re: RegExp): number[] {
  for (let i = n - 2; i >= Math.max(0, n - 21); i--) if (re.test(lineAt(lines, i).message)) return [i + 1];
  return [];
}

function retransmitLines(lines: readonly LogLine[], step: Step): number[] {
  const out: number[] = [];
  const re = new RegExp(`^retransmit \\d+ of request with message ID ${step.messageId}$`);
  for (let i = step.n; i < lines.length && out.length < 10; i++) if (re.test(lineAt(lines, i).message)) out.push(i + 1);
  return out;
}

function defaultDetail(id: LogCauseId): string {
  switch (id) {
    case 'no-proposal-ike':
      return 'The responder accepted none of the IKE proposals.';
    case 'no-ike-config':
      return 'A responder also answers NO_PROPOSAL_CHOSEN when no IKE configuration matches the addresses at all; only its own log tells the two apart.';
    case 'no-proposal-esp':
      return 'The IKE SA was set up, but the responder accepted none of the ESP proposals.';
    case 'rekey-failed':
      return 'The CHILD_SA could not be rekeyed; it will expire unless a later attempt works.';
    case 'auth-psk':
      return 'The responder rejected this host\u2019s pre-shared-key authentication.';
    case 'eap-failed':
      return 'The server rejected the EAP credentials.';
    case 'no-peer-config':
      return 'A responder also answers AUTHENTICATION_FAILED when no connection matches the identities.';
    case 'cert-untrusted':
      return 'The responder may not trust this host\u2019s certificate.';
    case 'ts-unacceptable':
      return 'The responder found no overlap between its traffic selectors and the proposed ones.';
    default:
      return LOG_CAUSES[id].title + '.';
  }
}

interface Facts {
  role: 'initiator' | 'responder' | undefined;
  local: string | undefined;
  remote: string | undefined;
  localNat: boolean;
  remoteNat: boolean;
  v6: boolean;
  proposals: { received: { list: LoggedProposal[] }[]; configured: { list: LoggedProposal[] }[] };
}

function linksFor(id: LogCauseId, section: string, facts: Facts): Link[] {
  const links: Link[] = [{ label: 'Troubleshooting chapter', href: `${CHAPTER_PATH}#${section}` }];
  if (id === 'no-proposal-ike' || id === 'no-proposal-esp' || id === 'rekey-failed' || id === 'ke-retry') {
    // the matcher takes the server's proposals: what a responder logs as configured
    const params = new URLSearchParams({ v: '1' });
    if (facts.role === 'responder') {
      const all = facts.proposals.configured.flatMap((c) => c.list);
      const ike = proposalParameter(dedupe(all.filter((p) => p.protocol === 'IKE')));
      const esp = proposalParameter(dedupe(all.filter((p) => p.protocol === 'ESP')));
      if (ike) params.set('ike', ike);
      if (esp) params.set('esp', esp);
    }
    links.push({ label: 'Proposal matcher', href: `/tools/proposals/?${params}` });
  }
  if (id === 'no-response-500' || id === 'no-response-4500') {
    // port checklist scenario (src/lib/reachability/url-state.ts); NAT flags are from this host's view
    const clientNat = facts.role === 'responder' ? facts.remoteNat : facts.localNat;
    const serverNat = facts.role === 'responder' ? facts.localNat : facts.remoteNat;
    const params = new URLSearchParams({ v: '1', proto: 'ikev2', cnat: clientNat ? 'yes' : 'no', snat: serverNat ? 'yes' : 'no', family: facts.v6 ? '6' : '4' });
    links.push({ label: 'Port checklist', href: `/tools/ports/?${params}` });
  }
  if (id === 'ike-fragmentation') {
    links.push({ label: 'Handshake timeline with certificates', href: '/tools/handshake/?v=1&auth=cert' });
    links.push({ label: 'MTU calculator', href: `/tools/mtu-calculator/?v=1&proto=ikev2&outer=${facts.v6 ? 6 : 4}` });
  }
  return links;
}

function dedupe(list: LoggedProposal[]): LoggedProposal[] {
  const seen = new Set<string>();
  return list.filter((p) => !seen.has(p.logged) && (seen.add(p.logged), true));
}

function verdictFor(outcome: Outcome, top: Cause | undefined, stuck: Step | undefined, causes: readonly Cause[], role: 'initiator' | 'responder' | undefined): string {
  if (outcome === 'no-log') return 'No line of this text comes from charon (strongSwan) or pluto (libreswan), so there is nothing to diagnose.';
  if (outcome === 'established') {
    return causes.some((c) => c.id === 'ke-retry')
      ? 'The tunnel was established; the only detour was one refused key-exchange guess, which costs a round trip and nothing else.'
      : 'The tunnel was established: IKE SA and CHILD_SA are up, and the log shows no failure.';
  }
  if (outcome === 'inconclusive' || !top) return 'The log shows neither a failure nor an established CHILD_SA; paste the lines from "initiating IKE_SA" (or "is initiating an IKE_SA") to the end of the attempt.';
  switch (top.id) {
    case 'no-response-500':
      return stuck ? `${stuck.exchange} was never answered: UDP 500 to the server is probably blocked.` : 'No IKE packet arrived: UDP 500 to this server is probably blocked.';
    case 'no-response-4500':
      return stuck ? `${stuck.exchange} was never answered: UDP 4500 is probably blocked.` : 'IKE_AUTH never arrived after IKE_SA_INIT: UDP 4500 is probably blocked, or the message was lost as IP fragments.';
    case 'ike-fragmentation':
      return `${stuck?.exchange ?? 'IKE_AUTH'} was never answered: at ${stuck?.bytes ?? 'its'} bytes it is IP-fragmented, and the fragments are probably dropped.`;
    case 'no-proposal-ike':
      return 'IKE_SA_INIT failed with NO_PROPOSAL_CHOSEN: the two sides have no IKE proposal in common.';
    case 'no-ike-config':
      return 'IKE_SA_INIT failed: the responder has no IKE configuration for these addresses.';
    case 'no-proposal-esp':
      return 'The IKE SA came up, but the CHILD_SA failed: no ESP proposal in common.';
    case 'rekey-failed':
      return 'The tunnel came up but rekeying failed; it will drop when the CHILD_SA expires.';
    case 'auth-psk':
      return 'IKE_AUTH failed: the pre-shared keys do not match.';
    case 'auth-cert-id':
      return 'IKE_AUTH failed: the server certificate does not carry the identity the client expects.';
    case 'cert-untrusted':
      return role === 'responder'
        ? 'IKE_AUTH failed: the client rejected this server\u2019s certificate (its CA is not trusted there, or the name does not match).'
        : 'IKE_AUTH failed: the peer\u2019s certificate does not chain to a trusted CA.';
    case 'eap-failed':
      return 'IKE_AUTH failed at EAP: the user name or password was rejected.';
    case 'no-peer-config':
      return 'IKE_AUTH failed: the responder has no connection for these identities.';
    case 'ts-unacceptable':
      return 'The IKE SA came up, but the CHILD_SA failed: the traffic selectors do not overlap.';
    default:
      return top.title + '.';
  }
}

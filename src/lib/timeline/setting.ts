/**
 * The choices behind a timeline in one sentence, for an embed that shows a result without its
 * form (a static figure in a chapter that links to the full tool).
 */
import type { TimelineState } from './state';

const AUTH_WORDS: Record<TimelineState['auth'], string> = {
  psk: 'a pre-shared key',
  cert: 'certificates',
  'eap-mschapv2': 'EAP-MSCHAPv2',
  'eap-tls': 'EAP-TLS',
};
const MODE_WORDS: Record<TimelineState['mode'], string> = { main: 'Main Mode', aggressive: 'Aggressive Mode' };
const PPP_WORDS: Record<TimelineState['l2auth'], string> = { mschapv2: 'MS-CHAPv2', chap: 'CHAP', pap: 'PAP' };

export function settingSummary(state: TimelineState): string {
  const path = `${state.rtt.trim()} ms round trip, ${state.loss.trim()} % loss, ${state.nat === '1' ? 'behind a NAT' : 'no NAT'}`;
  const ikev2 = `IKEv2 with ${AUTH_WORDS[state.auth]}${state.mobike === '1' ? ' and MOBIKE' : ', without MOBIKE'}`;
  const l2tp = `L2TP/IPsec with IKEv1 ${MODE_WORDS[state.mode]} and ${PPP_WORDS[state.l2auth]}`;
  const what = state.event === 'connect' ? 'Connecting' : 'Recovering from a network change';
  return `${what}: ${path}; ${ikev2}; ${l2tp}.`;
}

/** Said when JavaScript is off: the figure is the server-rendered default, a link's settings are not read. */
export function noScriptNotice(compact: boolean): string {
  return compact
    ? 'JavaScript is off: this is the timeline for the example settings, and they cannot be changed here.'
    : 'JavaScript is off: these are the results for the default settings, and the settings in a shared link are not applied.';
}

import { describe, expect, test } from 'vitest';
import { parseLine } from '../../../src/lib/troubleshoot/lines';
import { parseLoggedProposals, proposalParameter } from '../../../src/lib/troubleshoot/proposals';
import { findWindowsCode, parseWindowsCodeField, WINDOWS_CODES } from '../../../src/lib/troubleshoot/windows';
import { redactLog } from '../../../src/lib/troubleshoot/redact';
import { TROUBLESHOOT_URL_STATE } from '../../../src/lib/troubleshoot/state';
import { CIPHER_BY_KEYWORD, INTEGRITY_BY_KEYWORD, KEY_EXCHANGE_KEYWORDS, PRF_KEYWORDS } from '../../../src/lib/overhead/transforms';
import { ModelError } from '../../../src/lib/overhead/errors';
import { WINDOWS_CAUSE_IDS } from '../../../src/lib/troubleshoot/causes';
import { references } from '../../../src/lib/references';
import { fixture } from './fixtures';

describe('line prefixes', () => {
  // [line, message, group, IKE_SA id, daemon]; forms: charon filelog (lab logs), syslog and
  // journalctl output of charon / charon-systemd (strongSwan docs: Logger Configuration), pluto syslog
  const rows: [string, string, string | undefined, string | undefined, string][] = [
    ['Dec  3 17:28:44 11[IKE] <lab|1> initiating IKE_SA lab[1] to 198.51.100.10', 'initiating IKE_SA lab[1] to 198.51.100.10', 'IKE', '1', 'charon'],
    ['11[NET] <1> received packet: from 192.0.2.10[500] to 198.51.100.10[500] (464 bytes)', 'received packet: from 192.0.2.10[500] to 198.51.100.10[500] (464 bytes)', 'NET', '1', 'charon'],
    ['Dec  3 17:28:44.123 05[CFG] received proposals: IKE:AES_CBC_128', 'received proposals: IKE:AES_CBC_128', 'CFG', undefined, 'charon'],
    ['Dec  3 17:28:44 gw charon: 11[IKE] giving up after 5 retransmits', 'giving up after 5 retransmits', 'IKE', undefined, 'charon'],
    ['Dec 03 17:28:44 gw charon-systemd[812]: giving up after 5 retransmits', 'giving up after 5 retransmits', undefined, undefined, 'charon'],
    ['2026-12-03T17:28:44+0000 gw charon-systemd[812]: 11[IKE] <vpn|7> giving up', 'giving up', 'IKE', '7', 'charon'],
    ['Dec  3 17:28:44 gw pluto[901]: "rw"[1] 192.0.2.10 #1: STATE_MAIN_R1', 'STATE_MAIN_R1', undefined, undefined, 'pluto'],
    ['just some text', 'just some text', undefined, undefined, 'unknown'],
  ];
  test.each(rows)('%s', (line, message, group, ikeSa, daemon) => {
    const p = parseLine(line, 1);
    expect([p.message, p.group, p.ikeSa, p.daemon]).toEqual([message, group, ikeSa, daemon]);
  });
  // [line, message, state]: pluto 4.10's forms, as in tests/lab/results/logs/pluto-*/ (logtime=no),
  // with the file log's time prefix ("%b %e %T.%6N: ", pluto's logtime=yes as seen in the lab) and
  // syslog/journal's "pluto[pid]: ", and whack's reply codes on the terminal
  const pluto: [string, string, string | undefined][] = [
    ['"lab" #1: sent IKE_SA_INIT request to 198.51.100.10:500', 'sent IKE_SA_INIT request to 198.51.100.10:500', '1'],
    ['Dec  3 21:06:45.722410: "lab" #1: initiating IKEv2 connection', 'initiating IKEv2 connection', '1'],
    ['Dec 03 21:06:45 gw pluto[1036]: "lab" #12: IKE SA authentication request rejected by peer: AUTHENTICATION_FAILED', 'IKE SA authentication request rejected by peer: AUTHENTICATION_FAILED', '12'],
    ['ERROR: "lab" #2: netlink response for Add SA esp.62c3958d@192.0.2.10: Protocol not supported (errno 93)', 'netlink response for Add SA esp.62c3958d@192.0.2.10: Protocol not supported (errno 93)', '2'],
    ['"lab": added IKEv2 connection', 'added IKEv2 connection', undefined],
    ['"rw"[3] 192.0.2.10 #7: responder established IKE SA; authenticated peer using authby=secret', 'responder established IKE SA; authenticated peer using authby=secret', '7'],
    ['181 "lab" #1: initiating IKEv2 connection', 'initiating IKEv2 connection', '1'],
  ];
  test.each(pluto)('%s', (line, message, state) => {
    const p = parseLine(line, 1);
    expect([p.message, p.state, p.daemon]).toEqual([message, state, 'pluto']);
  });
  test('a line longer than any daemon writes is skipped, not scanned', () => {
    expect(parseLine('x'.repeat(20_000), 1).message).toBe('');
  });
});

describe('logged proposals to strongSwan keywords', () => {
  // [logged by charon in the lab logs, keyword form per proposal_keywords_static.txt]
  const rows: [string, string][] = [
    ['IKE:AES_CBC_128/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024', 'aes128-sha1-prfsha1-modp1024'],
    ['IKE:AES_GCM_16_256/PRF_HMAC_SHA2_384/ECP_384', 'aes256gcm16-prfsha384-ecp384'],
    ['IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048', 'aes256-sha256-prfsha256-modp2048'],
    ['ESP:AES_CBC_128/HMAC_SHA1_96/NO_EXT_SEQ', 'aes128-sha1'],
    ['ESP:AES_GCM_16_256/NO_EXT_SEQ', 'aes256gcm16'],
    ['ESP:AES_CBC_256/HMAC_SHA2_256_128/MODP_2048/NO_EXT_SEQ', 'aes256-sha256-modp2048'],
    ['ESP:CHACHA20_POLY1305/EXT_SEQ', 'chacha20poly1305-esn'],
    ['IKE:3DES_CBC/HMAC_MD5_96/PRF_HMAC_MD5/CURVE_25519', '3des-md5-prfmd5-curve25519'],
  ];
  test.each(rows)('%s', (logged, keywords) => {
    expect(parseLoggedProposals(logged).map((p) => p.keywords)).toEqual([keywords]);
  });
  test('lists are split and joined the swanctl way', () => {
    const list = parseLoggedProposals('IKE:AES_CBC_128/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024, IKE:AES_GCM_16_256/PRF_HMAC_SHA2_384/ECP_384');
    expect(proposalParameter(list)).toBe('aes128-sha1-prfsha1-modp1024,aes256gcm16-prfsha384-ecp384');
  });
  test('an unknown name gives no keyword form instead of a wrong one', () => {
    expect(parseLoggedProposals('IKE:FOO_BAR/PRF_HMAC_SHA1')[0]!.keywords).toBeUndefined();
  });
  test('every keyword produced is one the overhead model\u2019s algorithm table knows', () => {
    const known = (w: string) => CIPHER_BY_KEYWORD.has(w) || INTEGRITY_BY_KEYWORD.has(w) || PRF_KEYWORDS.includes(w) || KEY_EXCHANGE_KEYWORDS.includes(w) || w === 'esn';
    for (const [, keywords] of rows) for (const w of keywords.split('-')) expect(known(w), w).toBe(true);
  });
});

describe('Windows codes', () => {
  test('the table has exactly the codes with fixed cause ids, each citing a known reference', () => {
    expect(WINDOWS_CODES.map((c) => `windows-${c.code}`)).toEqual([...WINDOWS_CAUSE_IDS]);
    for (const c of WINDOWS_CODES) expect(references.some((r) => r.id === c.source), c.source).toBe(true);
  });
  // constants as defined in raserror.h / winerror.h (Microsoft Learn pages in `source`)
  test.each([
    [809, 'ERROR_VPN_TIMEOUT'],
    [789, 'ERROR_OAKLEY_GENERAL_PROCESSING'],
    [691, 'ERROR_AUTHENTICATION_FAILURE'],
    [13801, 'ERROR_IPSEC_IKE_AUTH_FAIL'],
    [13806, 'ERROR_IPSEC_IKE_NO_CERT'],
    [13868, 'ERROR_IPSEC_IKE_POLICY_MATCH'],
  ])('%i is %s', (code, constant) => {
    expect(WINDOWS_CODES.find((c) => c.code === code)!.constant).toBe(constant);
  });
  test.each([
    ['809', 809],
    ['  13801 ', 13801],
    ['The user SYSTEM dialed a connection named VPN which has failed. The error code returned on failure is 809.', 809],
    ['Error 13806: IKE failed to find valid machine certificate.', 13806],
    ['no number here', undefined],
  ])('code in %j', (text, code) => {
    expect(findWindowsCode(text)).toBe(code);
  });
  test('the code field: empty is no code, unknown or non-digits are refused at the field', () => {
    expect(parseWindowsCodeField('')).toBeUndefined();
    expect(parseWindowsCodeField(' 691 ')!.constant).toBe('ERROR_AUTHENTICATION_FAILURE');
    for (const bad of ['12345', 'abc', '80 9']) {
      const err = (() => { try { parseWindowsCodeField(bad); } catch (e) { return e; } })();
      expect(err).toBeInstanceOf(ModelError);
      expect((err as ModelError).field).toBe('code');
    }
  });
});

describe('URL state', () => {
  test('only the code round-trips; a log parameter is ignored with a notice', () => {
    expect(TROUBLESHOOT_URL_STATE.encode({ code: '809' }).toString()).toBe('v=1&code=809');
    const d = TROUBLESHOOT_URL_STATE.decode('v=1&code=809&log=secret');
    expect(d.state).toEqual({ code: '809' });
    expect(d.notices).toHaveLength(1);
  });
});

describe('redaction', () => {
  test('addresses, identities, certificate names and SPIs are gone, the same value gets the same stand-in', () => {
    const f = fixture('eap-failed/initiator');
    const r = redactLog(f.text).text;
    for (const secret of ['198.51.100.10', '192.0.2.10', 'client.example.org', 'server.example.org', 'Example Lab Root CA']) expect(r).not.toContain(secret);
    const sent = r.split('\n').filter((l) => l.includes('sending packet: from'));
    // every packet of the log went between the same two endpoints, so one pair of stand-ins
    expect(new Set(sent.map((l) => l.replace(/.*sending packet: from (\S+)\[\d+\] to (\S+)\[\d+\].*/, '$1 $2'))).size).toBe(1);
  });
  test('CHILD_SA SPIs are replaced in both directions consistently', () => {
    const r = redactLog('CHILD_SA net{1} established with SPIs 3025e0ba_i 95a5ebce_o\nSPIs 95a5ebce_i 3025e0ba_o').text;
    expect(r).toBe('CHILD_SA net{1} established with SPIs ccccccc1_i ccccccc2_o\nSPIs ccccccc2_i ccccccc1_o');
  });
  test('IPv6 addresses are replaced, times and connection names are kept', () => {
    const r = redactLog("Dec  3 17:28:44 10[CFG] vici initiate CHILD_SA 'net' from 2001:db8:5::200[4500] to fe80::1").text;
    expect(r).toBe("Dec  3 17:28:44 10[CFG] vici initiate CHILD_SA 'net' from 2001:db8::1[4500] to 2001:db8::2");
  });
});

/**
 * Turns pasted log text into log records, whatever wrapped the daemon's message:
 *
 *   charon file log      "Dec  3 17:28:44 11[IKE] <lab|1> initiating IKE_SA lab[1] to 198.51.100.10"
 *                        (time_format and ike_name are optional: "11[IKE] initiating ...")
 *   syslog               "Dec  3 17:28:44 gw charon: 11[IKE] initiating ..."
 *   journal              "Dec 03 17:28:44 gw charon-systemd[812]: initiating ..." (journalctl; the
 *                        thread and group are journal fields, so the message stands alone),
 *                        also "-o short-iso" ("2026-12-03T17:28:44+0000 gw ...")
 *   libreswan pluto      file log: "Dec  3 17:28:44.722410: \"lab\" #1: sent IKE_SA_INIT request to ..."
 *                        (logtime=no drops the time: "\"lab\" #1: ..."; ipsec.conf(5) of libreswan 4.10),
 *                        syslog and journal: "Dec  3 17:28:44 gw pluto[901]: \"rw\"[1] 192.0.2.10 #1: ...",
 *                        whack's replies on the terminal: "181 \"lab\" #1: initiating IKEv2 connection"
 *                        (forms as logged in the lab: tests/lab/results/logs/pluto-*)
 *
 * The prefixes are stripped one after the other, each optional, so any combination of them
 * works; a line that matches none keeps its whole text as the message and is simply never
 * evidence for anything. Nothing here throws.
 */

export type Daemon = 'charon' | 'pluto' | 'unknown';

export interface LogLine {
  /** 1-based line number in the pasted text. */
  readonly n: number;
  /** The line as pasted (without its line break). */
  readonly text: string;
  /** The daemon's own message, prefixes removed. */
  readonly message: string;
  /** charon's log group (IKE, CFG, NET, ENC, ...) when the line shows it. */
  readonly group?: string;
  /** charon's IKE_SA unique id from "<name|id>" or "<id>", when the line shows it. */
  readonly ikeSa?: string;
  /** pluto's state serial number ("#3"), when the line shows it. */
  readonly state?: string;
  readonly daemon: Daemon;
}

/**
 * Longest line the parser looks into. charon and pluto format every message into a fixed
 * buffer of a few kilobytes, so a longer line is not theirs; skipping it keeps a pasted
 * 10 MB line from costing more than a length check.
 */
export const MAX_LINE_CHARS = 16_384;

// "Dec  3 17:28:44", "Dec 03 17:28:44.123", "2026-12-03T17:28:44.123456+00:00", "17:28:44",
// pluto's "Dec  3 17:28:44.722410: "
const TIMESTAMP =
  /^(?:\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?|[A-Z][a-z]{2} [ \d]?\d \d\d:\d\d:\d\d(?:\.\d+)?(?: \d{4})?|\d\d:\d\d:\d\d(?:\.\d+)?):?\s+/;
// "gw charon[812]: ", "charon-systemd[812]: ", "pluto[901]: ", "ipsec[1]: ", "charon: "
const PROGRAM = /^(?:[\w.-]+\s+)?(charon(?:-systemd|-nm|-cmd)?|pluto|ipsec|ipsec_starter|strongswan|libreswan)(?:\[\d+\])?:\s+/;
// "11[IKE] " (thread id and log group of charon)
const THREAD_GROUP = /^\d+\[([A-Z]{3})\]\s/;
// "<lab|1> " or "<1> " (IKE_SA name and unique id, charon's ike_name option)
const IKE_NAME = /^<(?:[^|<>\s]*\|)?(\d+)>\s/;
// pluto: whack's reply code, "ERROR: ", then the connection ("lab", "rw"[1] 192.0.2.10) and state
// ("#3"), e.g. '181 "lab" #1: ', 'ERROR: "lab" #2: ', '"lab": '
const PLUTO_CONN = /^(?:\d{3} )?(?:ERROR: )?"[^"]*"(?:\[\d+\])?(?: [^\s#:]+)?(?: #(\d+))?: /;

export function parseLine(text: string, n: number): LogLine {
  if (text.length > MAX_LINE_CHARS) return { n, text, message: '', daemon: 'unknown' };
  let rest = text.trimEnd();
  const line: { -readonly [K in keyof LogLine]: LogLine[K] } = { n, text, message: rest, daemon: 'unknown' };
  // Each prefix is tried only where its first character can start it: this runs per line of
  // logs of several megabytes.
  // syslog puts a timestamp and host before the program; file logs only a timestamp
  const time = isAlnum(rest.charCodeAt(0)) ? TIMESTAMP.exec(rest) : null;
  if (time) rest = rest.slice(time[0].length);
  const colon = rest.indexOf(': ');
  const program = colon > 0 && colon < 80 ? PROGRAM.exec(rest) : null;
  if (program) {
    rest = rest.slice(program[0].length);
    line.daemon = program[1] === 'pluto' ? 'pluto' : 'charon';
  }
  const thread = isDigit(rest.charCodeAt(0)) ? THREAD_GROUP.exec(rest) : null;
  if (thread?.[1] !== undefined) {
    rest = rest.slice(thread[0].length);
    line.group = thread[1];
    line.daemon = 'charon';
  }
  const name = rest.charCodeAt(0) === 60 /* < */ ? IKE_NAME.exec(rest) : null;
  if (name?.[1] !== undefined) {
    rest = rest.slice(name[0].length);
    line.ikeSa = name[1];
  }
  const conn = rest.charCodeAt(0) === 34 /* " */ || isAlnum(rest.charCodeAt(0)) ? PLUTO_CONN.exec(rest) : null;
  if (conn) {
    rest = rest.slice(conn[0].length);
    if (conn[1] !== undefined) line.state = conn[1];
    line.daemon = 'pluto';
  }
  line.message = rest;
  return line;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlnum = (c: number) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Splits on \n, \r\n or \r; a trailing break does not make an extra line. */
export function parseLines(text: string): LogLine[] {
  const raw = text.split(/\r\n|\r|\n/);
  if (raw.length > 1 && raw[raw.length - 1] === '') raw.pop();
  return raw.map((line, i) => parseLine(line, i + 1));
}

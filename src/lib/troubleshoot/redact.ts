/**
 * Makes a log safe to post: addresses, identities, certificate names and SPIs are replaced,
 * the same value always by the same stand-in, so the log still reads (and still diagnoses)
 * the same way. Stand-ins are documentation values (RFC 5737, RFC 3849, RFC 2606 example.*),
 * chosen so they cannot be mistaken for the originals.
 */

export interface Redaction {
  readonly text: string;
  /** How many distinct values of each kind were replaced. */
  readonly counts: { readonly address: number; readonly identity: number; readonly certificate: number; readonly spi: number };
}

// One alternation, left to right, so that an address inside an identity is replaced as part of it.
const TOKEN = new RegExp(
  [
    String.raw`"((?:[A-Za-z]+=[^"]*?))"`, // "C=XX, O=Org, CN=name": certificate name (DN)
    String.raw`'([^'\n]{1,256})'`, // 'client.example.org': identity
    String.raw`\b((?:\d{1,3}\.){3}\d{1,3})\b(?!\.\d)`, // IPv4
    String.raw`(?<![\w:])((?:[0-9a-fA-F]{1,4}:){1,7}:?(?:[0-9a-fA-F]{1,4})?(?::[0-9a-fA-F]{1,4})*)(?![\w:])`, // IPv6 (filtered below)
    String.raw`\b([0-9a-f]{8})(_[io])\b`, // CHILD_SA SPI as charon prints it: 3025e0ba_i
    String.raw`\b([0-9a-f]{16})(_[ir])\b`, // IKE SPI: 0123456789abcdef_i
    String.raw`\[([^\]\s\d][^\]\n]{0,255})\]`, // [client.example.org] after an address
  ].join('|'),
  'g',
);

export function redactLog(text: string): Redaction {
  const maps = { address: new Map<string, string>(), identity: new Map<string, string>(), certificate: new Map<string, string>(), spi: new Map<string, string>() };
  const stand = (kind: keyof typeof maps, value: string, make: (i: number) => string): string => {
    const map = maps[kind];
    let s = map.get(value);
    if (s === undefined) map.set(value, (s = make(map.size + 1)));
    return s;
  };
  const address = (value: string): string =>
    stand('address', value.toLowerCase(), (i) => (value.includes(':') ? `2001:db8::${i.toString(16)}` : i <= 254 ? `192.0.2.${i}` : `198.51.100.${(i - 254) % 254 || 254}`));
  const identity = (value: string): string => {
    if (isIPv4(value) || isIPv6(value)) return address(value);
    return stand('identity', value, (i) => `peer${i}.example`);
  };
  const out = text.replace(TOKEN, (match, dn?: string, id?: string, v4?: string, v6?: string, spi?: string, spiSide?: string, ikeSpi?: string, ikeSide?: string, bracket?: string) => {
    if (dn !== undefined) return `"${stand('certificate', dn, (i) => `CN=cert${i}.example`)}"`;
    if (id !== undefined) return looksLikeIdentity(id) ? `'${identity(id)}'` : match;
    if (v4 !== undefined) return isIPv4(v4) ? address(v4) : match;
    if (v6 !== undefined) return isIPv6(v6) ? address(v6) : match;
    if (spi !== undefined) return stand('spi', spi, (i) => i.toString(16).padStart(8, 'c')) + spiSide;
    if (ikeSpi !== undefined) return stand('spi', ikeSpi, (i) => i.toString(16).padStart(16, 'c')) + ikeSide;
    if (bracket !== undefined) return looksLikeIdentity(bracket) ? `[${identity(bracket)}]` : match;
    return match;
  });
  return {
    text: out,
    counts: { address: maps.address.size, identity: maps.identity.size, certificate: maps.certificate.size, spi: maps.spi.size },
  };
}

/** Host names, e-mail addresses, DNs and addresses; not connection names like 'net' or '%any'. */
function looksLikeIdentity(s: string): boolean {
  return /[.@=:]/.test(s) && !/^%/.test(s);
}

function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** An IPv6 address has "::" or eight groups; "17:28:44" (a time) has neither. */
function isIPv6(s: string): boolean {
  if (!/^[0-9a-fA-F:]+$/.test(s) || s.includes(':::')) return false;
  const doubles = s.split('::').length - 1;
  if (doubles > 1) return false;
  const groups = s.split(':').filter((g) => g !== '');
  return groups.every((g) => g.length <= 4) && (doubles === 1 ? groups.length <= 7 : groups.length === 8);
}

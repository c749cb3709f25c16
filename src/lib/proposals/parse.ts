/**
 * Parsers for the proposal lists people paste: strongSwan (swanctl.conf `proposals` and
 * `esp_proposals`, ipsec.conf `ike=` and `esp=`) and libreswan (`ike=`, `esp=`, `phase2alg=`).
 * Both produce the same Proposal: per transform type, the canonical keywords in preference
 * order, completed and checked the way strongSwan's check_proposal() does
 * (src/libstrongswan/crypto/proposal/proposal.c, 5.9.8): an IKE proposal without a PRF takes
 * the PRF of each integrity algorithm; AEAD proposals drop integrity; IKE needs a key exchange
 * and drops NONE; ESP drops PRFs and defaults to no extended sequence numbers.
 */
import { PRF_FOR_INTEGRITY } from '../overhead/ike-transforms';
import { classify, closestKeywords, TRANSFORM_TYPES, type TransformType } from './algorithms';
import { STRONGSWAN_DEFAULTS, type StrongswanVersion } from './defaults';
import { ProposalError } from './errors';

export type Protocol = 'ike' | 'esp';
export type Transforms = Partial<Record<TransformType, readonly string[]>>;

export interface Proposal {
  readonly protocol: Protocol;
  readonly transforms: Readonly<Transforms>;
}

/** swanctl.conf or a bare list: exactly as written. ipsec.conf: strongSwan appends its defaults unless the list ends in '!'. */
export type Dialect = 'swanctl' | 'ipsec.conf' | 'libreswan';

export interface ProposalList {
  readonly proposals: readonly Proposal[];
  readonly dialect: Dialect;
  /** ipsec.conf without '!': the defaults strongSwan adds at the end are part of `proposals`. */
  readonly defaultsAppended: boolean;
}

export interface ParseOptions {
  /** The form field to name in errors (default: the protocol). */
  field?: string;
  /** Which strongSwan's `default` (see defaults.ts); default '6.0'. */
  version?: StrongswanVersion;
}

interface Piece {
  text: string;
  offset: number;
}

/** Splits on a separator, keeping each trimmed piece's offset in the original text. */
function split(text: string, offset: number, separator: string): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  for (const part of text.split(separator)) {
    const lead = part.length - part.trimStart().length;
    pieces.push({ text: part.trim(), offset: offset + start + lead });
    start += part.length + separator.length;
  }
  return pieces;
}

const PREFIX = /^\s*(proposals|esp_proposals|ike|esp|phase2alg)\s*=\s*/i;
const PROTOCOL_OF_KEY: Record<string, Protocol> = {
  proposals: 'ike',
  ike: 'ike',
  esp_proposals: 'esp',
  esp: 'esp',
  phase2alg: 'esp',
};

type Builder = Partial<Record<TransformType, string[]>>;

function add(builder: Builder, type: TransformType, keyword: string): void {
  const list = (builder[type] ??= []);
  if (!list.includes(keyword)) list.push(keyword);
}

/** strongSwan's check_proposal(), on one proposal; throws with the proposal's position. */
function complete(builder: Builder, protocol: Protocol, aead: boolean[], fail: (message: string) => never): Proposal {
  const t: Builder = { ...builder };
  if (protocol === 'ike') {
    if (!t.prf) {
      for (const integ of t.integ ?? []) {
        const prf = PRF_FOR_INTEGRITY.get(integ);
        if (prf) add(t, 'prf', prf);
      }
    }
    if (!t.prf) fail('has no PRF and no integrity algorithm to derive one from: add e.g. sha256 (classic ciphers) or prfsha256 (AEAD).');
    if (t.ke) t.ke = t.ke.filter((k) => k !== 'none');
    if (!t.ke || t.ke.length === 0) fail('has no key exchange method. IKE needs one, e.g. ecp256, curve25519 or modp2048.');
    delete t.esn;
  } else {
    delete t.prf;
    t.esn ??= ['noesn'];
  }
  if (!t.encr) fail('has no encryption algorithm, e.g. aes256gcm16 or aes256.');
  const anyAead = aead.some(Boolean);
  if (anyAead && !aead.every(Boolean)) {
    fail('mixes AEAD and classic encryption algorithms; strongSwan needs them in separate proposals (separate them with a comma).');
  }
  if (anyAead) delete t.integ;
  else if (protocol === 'ike' && !t.integ) fail('has a classic cipher but no integrity algorithm, e.g. sha256.');
  const transforms: Transforms = {};
  for (const type of TRANSFORM_TYPES) {
    const list = t[type];
    if (list && list.length > 0) transforms[type] = Object.freeze([...list]);
  }
  return Object.freeze({ protocol, transforms: Object.freeze(transforms) });
}

function parseStrongswanOne(piece: Piece, index: number, protocol: Protocol, field: string): Proposal {
  const builder: Builder = {};
  const aead: boolean[] = [];
  for (const token of split(piece.text, piece.offset, '-')) {
    if (token.text === '') {
      throw new ProposalError(field, `Proposal ${index} has an empty algorithm between two dashes.`, {
        token: '',
        proposal: index,
        offset: token.offset,
      });
    }
    const found = classify(token.text);
    if (!found) {
      const suggestions = closestKeywords(token.text);
      throw new ProposalError(
        field,
        `Unknown algorithm '${token.text}' in proposal ${index} (character ${token.offset + 1}).` +
          (suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `'${s}'`).join(' or ')}?` : ''),
        { token: token.text, proposal: index, offset: token.offset, suggestions },
      );
    }
    add(builder, found.type, found.keyword);
    if (found.type === 'encr') aead.push(found.aead);
  }
  return complete(builder, protocol, aead, (message) => {
    throw new ProposalError(field, `Proposal ${index} ('${piece.text}') ${message}`, { token: '', proposal: index, offset: piece.offset });
  });
}

/** One strongSwan proposal string, e.g. 'aes256gcm16-prfsha256-ecp256' (also used for the defaults and datasets). */
export function parseStrongswanProposal(text: string, protocol: Protocol, field: string = protocol): Proposal {
  return parseStrongswanOne({ text: text.trim(), offset: 0 }, 1, protocol, field);
}

const defaultCache = new Map<string, readonly Proposal[]>();
function defaults(protocol: Protocol, version: StrongswanVersion): readonly Proposal[] {
  const key = `${protocol}/${version}`;
  let list = defaultCache.get(key);
  if (!list) {
    list = STRONGSWAN_DEFAULTS[version][protocol].map((text) => parseStrongswanProposal(text, protocol));
    defaultCache.set(key, list);
  }
  return list;
}

function parseStrongswanList(pieces: Piece[], protocol: Protocol, field: string, version: StrongswanVersion): Proposal[] {
  const proposals: Proposal[] = [];
  pieces.forEach((piece, i) => {
    if (piece.text.toLowerCase() === 'default') proposals.push(...defaults(protocol, version));
    else proposals.push(parseStrongswanOne(piece, i + 1, protocol, field));
  });
  return proposals;
}

// libreswan: ENCR[-INTEG][-PRF][;DH], '+' between alternatives of one type (ipsec.conf(5), "ike=" and "esp=").
const LIBRESWAN_DH: Record<string, string> = {
  none: 'none', dh0: 'none', modp1024: 'modp1024', dh2: 'modp1024', modp1536: 'modp1536', dh5: 'modp1536',
  modp2048: 'modp2048', dh14: 'modp2048', modp3072: 'modp3072', dh15: 'modp3072', modp4096: 'modp4096',
  dh16: 'modp4096', modp6144: 'modp6144', dh17: 'modp6144', modp8192: 'modp8192', dh18: 'modp8192',
  ecp_256: 'ecp256', ecp256: 'ecp256', dh19: 'ecp256', ecp_384: 'ecp384', ecp384: 'ecp384', dh20: 'ecp384',
  ecp_521: 'ecp521', ecp521: 'ecp521', dh21: 'ecp521', dh22: 'modp1024s160', dh23: 'modp2048s224',
  dh24: 'modp2048s256', curve25519: 'curve25519', x25519: 'curve25519', dh31: 'curve25519',
};
const LIBRESWAN_INTEG: Record<string, string> = {
  md5: 'md5', hmac_md5: 'md5', sha: 'sha1', sha1: 'sha1', sha1_96: 'sha1', hmac_sha1: 'sha1', sha2: 'sha256',
  sha256: 'sha256', sha2_256: 'sha256', hmac_sha2_256: 'sha256', sha384: 'sha384', sha2_384: 'sha384',
  hmac_sha2_384: 'sha384', sha512: 'sha512', sha2_512: 'sha512', hmac_sha2_512: 'sha512', aes_xcbc: 'aesxcbc',
  aesxcbc: 'aesxcbc', aes_cmac: 'aescmac', null: 'none', none: 'none',
};
/**
 * libreswan's default key exchanges for an IKE proposal without ';DH', as libreswan 4.x logs
 * them (hwdsl2/setup-ipsec-vpn#1314).
 */
const LIBRESWAN_DEFAULT_DH = ['modp2048', 'modp3072', 'modp4096', 'modp8192', 'ecp256', 'ecp384', 'ecp521', 'curve25519'];
const LIBRESWAN_KEYWORDS = [
  'aes', 'aes128', 'aes256', 'aes_cbc', 'aes_ctr', 'aes_gcm', 'aes_gcm_a', 'aes_gcm_b', 'aes_gcm_c', 'aes_gcm_16',
  'aes_ccm', '3des', 'chacha20_poly1305', 'camellia', ...Object.keys(LIBRESWAN_INTEG), ...Object.keys(LIBRESWAN_DH),
];

const ICV: Record<string, number> = { a: 8, b: 12, c: 16, '8': 8, '12': 12, '16': 16 };

/** A libreswan cipher as strongSwan keywords (no key length: 256 then 128, as pluto proposes them). */
function libreswanCipher(token: string): { keywords: string[]; aead: boolean } | null {
  if (token === '3des') return { keywords: ['3des'], aead: false };
  if (token === 'chacha20_poly1305' || token === 'chacha20poly1305') return { keywords: ['chacha20poly1305'], aead: true };
  const m = /^(aes|camellia)(?:_(cbc|ctr|gcm|ccm))?(?:_([abc]|8|12|16))?(?:_?(128|192|256))?$/.exec(token);
  if (!m) return null;
  const [, base, mode = 'cbc', icv, bits] = m;
  const aead = mode === 'gcm' || mode === 'ccm';
  if (icv !== undefined && !aead) return null;
  if (base === 'camellia' && (mode === 'gcm' || mode === 'ctr')) return null;
  const sizes = bits ? [bits] : ['256', '128'];
  const suffix = aead ? `${mode}${ICV[icv ?? 'c']}` : mode === 'ctr' ? 'ctr' : '';
  return { keywords: sizes.map((size) => `${base}${size}${suffix}`), aead };
}

function parseLibreswanOne(piece: Piece, index: number, protocol: Protocol, field: string): Proposal {
  const unknown = (token: Piece): never => {
    const suggestions = closestKeywords(token.text, LIBRESWAN_KEYWORDS);
    throw new ProposalError(
      field,
      `Unknown libreswan algorithm '${token.text}' in proposal ${index} (character ${token.offset + 1}).` +
        (suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `'${s}'`).join(' or ')}?` : ''),
      { token: token.text, proposal: index, offset: token.offset, suggestions },
    );
  };
  const [algs, dh, extra] = split(piece.text, piece.offset, ';');
  if (extra || !algs) return unknown(extra ?? piece);
  const builder: Builder = {};
  const aead: boolean[] = [];
  let slot = 0; // 0 cipher, 1 integrity (PRF for AEAD in IKE), 2 PRF
  for (const part of split(algs.text, algs.offset, '-')) {
    for (const token of split(part.text, part.offset, '+')) {
      const lower = token.text.toLowerCase();
      const cipher = slot === 0 ? libreswanCipher(lower) : null;
      if (cipher) {
        cipher.keywords.forEach((k) => add(builder, 'encr', k));
        aead.push(cipher.aead);
      } else if (LIBRESWAN_DH[lower] && slot > 0) {
        add(builder, 'ke', LIBRESWAN_DH[lower]);
      } else if (LIBRESWAN_INTEG[lower] && slot > 0) {
        const integ = LIBRESWAN_INTEG[lower];
        const isAead = aead.some(Boolean);
        if (integ === 'none') continue;
        if (protocol === 'ike' && (isAead || slot === 2)) add(builder, 'prf', `prf${integ}`);
        else add(builder, 'integ', integ);
      } else return unknown(token);
    }
    slot = Math.min(slot + 1, 2);
  }
  for (const token of dh ? split(dh.text, dh.offset, '+').flatMap((p) => split(p.text, p.offset, '-')) : []) {
    const group = LIBRESWAN_DH[token.text.toLowerCase()];
    if (!group) return unknown(token);
    add(builder, 'ke', group);
  }
  if (protocol === 'ike' && !builder.ke) LIBRESWAN_DEFAULT_DH.forEach((k) => add(builder, 'ke', k));
  if (!aead.some(Boolean) && !builder.integ) {
    throw new ProposalError(field, `Proposal ${index} ('${piece.text}') names no integrity algorithm; write it out, e.g. '${piece.text}-sha2_256'.`, {
      token: '',
      proposal: index,
      offset: piece.offset,
    });
  }
  return complete(builder, protocol, aead, (message) => {
    throw new ProposalError(field, `Proposal ${index} ('${piece.text}') ${message}`, { token: '', proposal: index, offset: piece.offset });
  });
}

/**
 * Parses a pasted proposal list for one protocol. Accepts an optional `key =` prefix
 * (proposals, esp_proposals, ike, esp, phase2alg), a trailing '!', and libreswan spellings
 * (recognised by ';', phase2alg=, or tokens only libreswan uses). Throws ProposalError naming
 * the token, its position and the closest keywords; never anything else.
 */
export function parseProposals(text: unknown, protocol: Protocol, options: ParseOptions = {}): ProposalList {
  const field = options.field ?? protocol;
  const version = options.version ?? '6.0';
  if (typeof text !== 'string') {
    throw new ProposalError(field, 'The proposals must be text, e.g. aes256gcm16-prfsha256-ecp256.', { token: '', proposal: 0, offset: 0 });
  }
  const prefix = PREFIX.exec(text);
  const key = prefix?.[1]?.toLowerCase();
  if (key && PROTOCOL_OF_KEY[key] !== protocol) {
    throw new ProposalError(
      field,
      `'${key}=' sets ${PROTOCOL_OF_KEY[key] === 'ike' ? 'IKE' : 'ESP'} proposals; paste it in the ${PROTOCOL_OF_KEY[key] === 'ike' ? 'IKE' : 'ESP'} field.`,
      { token: key, proposal: 0, offset: text.length - text.trimStart().length },
    );
  }
  let body = text.slice(prefix?.[0].length ?? 0).replace(/\s+$/, '');
  const bodyOffset = prefix?.[0].length ?? 0;
  const strict = body.endsWith('!');
  if (strict) body = body.slice(0, -1);
  if (body.trim() === '') {
    throw new ProposalError(field, 'Enter at least one proposal, e.g. aes256gcm16-prfsha256-ecp256, or default.', {
      token: '',
      proposal: 1,
      offset: bodyOffset,
    });
  }
  const pieces = split(body, bodyOffset, ',');
  const libreswanHint = key === 'phase2alg' || body.includes(';') || /(^|[-,+])(aes_|sha2(?![_0-9])|sha2_|hmac_|dh\d|ecp_|chacha20_)/i.test(body);
  if (libreswanHint) {
    return { proposals: pieces.map((p, i) => parseLibreswanOne(p, i + 1, protocol, field)), dialect: 'libreswan', defaultsAppended: false };
  }
  let proposals: Proposal[];
  try {
    proposals = parseStrongswanList(pieces, protocol, field, version);
  } catch (error) {
    // ike= and esp= are also libreswan's keys: an ipsec.conf line strongSwan refuses may be libreswan's.
    if (key !== 'ike' && key !== 'esp') throw error;
    try {
      return { proposals: pieces.map((p, i) => parseLibreswanOne(p, i + 1, protocol, field)), dialect: 'libreswan', defaultsAppended: false };
    } catch {
      throw error;
    }
  }
  if (key === 'ike' || key === 'esp') {
    // ipsec.conf: without '!' strongSwan adds its defaults behind the configured proposals (stroke_config.c).
    if (!strict) proposals.push(...defaults(protocol, version));
    return { proposals, dialect: 'ipsec.conf', defaultsAppended: !strict };
  }
  return { proposals, dialect: 'swanctl', defaultsAppended: false };
}

/** strongSwan form of a proposal; parseStrongswanProposal(formatProposal(p)) equals p. */
export function formatProposal(proposal: Proposal): string {
  const parts: string[] = [];
  for (const type of TRANSFORM_TYPES) {
    const list = proposal.transforms[type] ?? [];
    if (type === 'esn' && list.length === 1 && list[0] === 'noesn') continue;
    for (const keyword of list) parts.push(type.length === 3 && type !== 'prf' && type.startsWith('ke') ? `${type}_${keyword}` : keyword);
  }
  return parts.join('-');
}

export function formatProposals(proposals: readonly Proposal[]): string {
  return proposals.map(formatProposal).join(', ');
}

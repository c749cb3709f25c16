/**
 * Parser for one strongSwan ESP proposal ('aes256gcm16', 'aes128-sha256-modp2048', ...),
 * as written in swanctl.conf esp_proposals or ipsec.conf esp=. It returns the sizes that
 * matter on the wire, or throws a ModelError (field 'esp') that names the bad token.
 */
import { ModelError, describeValue } from './errors';
import { editDistance } from './edit-distance';
import {
  ADDITIONAL_KE_PREFIX,
  CIPHERS,
  CIPHER_BY_KEYWORD,
  ESN_KEYWORDS,
  INTEGRITY_ALGORITHMS,
  INTEGRITY_BY_KEYWORD,
  KEY_EXCHANGE_KEYWORDS,
  PRF_KEYWORDS,
  espSizes,
  type CipherInfo,
  type IntegrityInfo,
} from './transforms';

export interface EspTransform {
  /** Canonical form: cipher keyword, then '-integrity' when there is one, e.g. 'aes256-sha256'. */
  readonly proposal: string;
  readonly cipher: CipherInfo;
  readonly integrity: IntegrityInfo | null;
  /** IV sent in every packet. */
  readonly ivBytes: number;
  /** Padding alignment B = max(cipher block, 4) (RFC 4303 §2.4; Linux ALIGN(blocksize, 4)). */
  readonly alignBytes: number;
  /** ICV sent in every packet: the AEAD/GMAC tag or the truncated integrity output. */
  readonly icvBytes: number;
  /** False for NULL and GMAC, which authenticate without encrypting. */
  readonly encrypts: boolean;
  /** Key-exchange, PRF and ESN tokens that were accepted and cost nothing on ESP packets. */
  readonly zeroCostTokens: readonly string[];
}

const FIELD = 'esp';

/** One line per family, so that an error can show every valid choice without 100 keywords. */
const CIPHER_SUMMARY =
  'null, des, 3des, aes (= aes128), aes128|aes192|aes256 (CBC), aes128ctr|aes192ctr|aes256ctr, ' +
  'aes128gcm8|12|16 (also gcm64|96|128, and gcm alone = gcm16; same for aes192gcm*, aes256gcm*), ' +
  'aes128ccm8|12|16 (same forms as gcm), aes128gmac|aes192gmac|aes256gmac, chacha20poly1305, ' +
  'camellia, camellia128|192|256 (CBC), camellia128ctr|192ctr|256ctr, camellia128ccm8|12|16 (also 64|96|128)';
const INTEGRITY_SUMMARY = INTEGRITY_ALGORITHMS.map((i) => i.keyword).join(', ');
const ZERO_COST_SUMMARY =
  'key exchange (modp2048, ecp256, x25519, curve448, mlkem768, ke1_mlkem768 ... ke7_*), ' +
  'PRF (prfsha256, ...) and esn/noesn tokens are accepted and cost 0 bytes';

/** Every keyword the parser accepts, for UIs that offer completion. */
export const ESP_KEYWORDS: readonly string[] = [
  ...CIPHERS.map((c) => c.keyword),
  ...INTEGRITY_ALGORITHMS.map((i) => i.keyword),
  ...KEY_EXCHANGE_KEYWORDS,
  ...PRF_KEYWORDS,
  ...ESN_KEYWORDS,
];

const ZERO_COST = new Set<string>([...KEY_EXCHANGE_KEYWORDS, ...PRF_KEYWORDS, ...ESN_KEYWORDS]);

function isZeroCost(token: string): boolean {
  return ZERO_COST.has(token) || (ADDITIONAL_KE_PREFIX.test(token) && KEY_EXCHANGE_KEYWORDS.includes(token.slice(4)));
}

function suggestionFor(token: string): string {
  let best = '';
  let bestDistance = 3;
  for (const keyword of ESP_KEYWORDS) {
    const distance = editDistance(token, keyword);
    if (distance < bestDistance) {
      best = keyword;
      bestDistance = distance;
    }
  }
  return best === '' ? '' : ` Did you mean '${best}'?`;
}

function fail(message: string): never {
  throw new ModelError(FIELD, message, ESP_KEYWORDS);
}

function parseUncached(raw: string): EspTransform {
  const text = raw.trim().toLowerCase();
  if (text === '') {
    fail(`The ESP proposal is empty. Enter one proposal such as 'aes256gcm16' or 'aes256-sha256'.`);
  }
  if (text.includes(',')) {
    fail(
      `'${raw.trim()}' lists ${text.split(',').length} proposals separated by commas; ` +
        `enter one proposal at a time (the one your peers negotiate, as shown by 'swanctl --list-sas').`,
    );
  }
  // ipsec.conf marks a strict proposal list with a trailing '!'; it changes nothing on the wire.
  const body = text.endsWith('!') ? text.slice(0, -1) : text;
  const tokens = body.split('-').map((token) => token.trim());

  const ciphers: CipherInfo[] = [];
  const integrities: IntegrityInfo[] = [];
  const zeroCostTokens: string[] = [];
  for (const token of tokens) {
    if (token === '') {
      fail(`'${raw.trim()}' has an empty algorithm between two dashes. Write the keywords as 'cipher-integrity', e.g. 'aes256-sha256'.`);
    }
    const cipher = CIPHER_BY_KEYWORD.get(token);
    const integrity = INTEGRITY_BY_KEYWORD.get(token);
    if (cipher) ciphers.push(cipher);
    else if (integrity) integrities.push(integrity);
    else if (isZeroCost(token)) zeroCostTokens.push(token);
    else {
      fail(
        `Unknown ESP token '${token}' in '${raw.trim()}'.${suggestionFor(token)} ` +
          `Ciphers: ${CIPHER_SUMMARY}. Integrity: ${INTEGRITY_SUMMARY}. Also, ${ZERO_COST_SUMMARY}.`,
      );
    }
  }

  if (ciphers.length > 1) {
    fail(
      `'${raw.trim()}' offers ${ciphers.length} encryption algorithms (${ciphers.map((c) => c.keyword).join(', ')}); ` +
        `a tunnel uses only one. Enter the one your peers negotiate.`,
    );
  }
  if (integrities.length > 1) {
    fail(
      `'${raw.trim()}' offers ${integrities.length} integrity algorithms (${integrities.map((i) => i.keyword).join(', ')}); ` +
        `a tunnel uses only one. Enter the one your peers negotiate.`,
    );
  }
  const cipher = ciphers[0];
  const integrity = integrities[0] ?? null;
  if (cipher === undefined) {
    fail(
      integrity
        ? `'${raw.trim()}' has an integrity algorithm but no cipher. ESP always names one: ` +
            `use 'null-${integrity.keyword}' for integrity without encryption, or e.g. 'aes256-${integrity.keyword}'.`
        : `'${raw.trim()}' has no encryption algorithm. Ciphers: ${CIPHER_SUMMARY}.`,
    );
  }
  const combined = cipher.kind === 'aead' || cipher.kind === 'gmac';
  if (combined && integrity) {
    fail(
      `'${cipher.keyword}' carries its own ${cipher.icvBytes}-byte ICV and cannot be combined with an integrity ` +
        `algorithm ('${integrity.keyword}'). Use '${cipher.keyword}' alone, or a non-AEAD cipher such as 'aes256-${integrity.keyword}'.`,
    );
  }
  if (!combined && !integrity) {
    fail(
      `'${cipher.keyword}' needs an integrity algorithm, e.g. '${cipher.keyword}-sha256'. Integrity: ${INTEGRITY_SUMMARY}.`,
    );
  }

  return {
    proposal: integrity ? `${cipher.keyword}-${integrity.keyword}` : cipher.keyword,
    cipher,
    integrity,
    ...espSizes(cipher, integrity),
    encrypts: cipher.kind !== 'null' && cipher.kind !== 'gmac',
    zeroCostTokens: Object.freeze(zeroCostTokens),
  };
}

/** Charts parse the same few proposals thousands of times; strings are immutable, so caching is safe. */
const cache = new Map<string, EspTransform>();
const CACHE_LIMIT = 256;

/**
 * Parses one strongSwan ESP proposal. Case-insensitive; spaces around tokens and a trailing
 * ipsec.conf '!' are ignored. Throws ModelError (field 'esp') for anything else.
 */
export function parseEspProposal(text: unknown): EspTransform {
  if (typeof text !== 'string') {
    throw new ModelError(
      FIELD,
      `The ESP proposal must be text such as 'aes256gcm16' or 'aes256-sha256'; got ${describeValue(text)}.`,
      ESP_KEYWORDS,
    );
  }
  const cached = cache.get(text);
  if (cached) return cached;
  const transform = Object.freeze(parseUncached(text));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, transform);
  return transform;
}

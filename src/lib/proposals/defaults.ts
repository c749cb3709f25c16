/**
 * strongSwan's `default` proposals, written out as keyword lists.
 *
 * Which algorithms: proposal_create_default() and proposal_create_default_aead() in
 * src/libstrongswan/crypto/proposal/proposal.c (strongswan/strongswan at 5.9.8, e09bc70d, and at
 * 3b902ea5, 6.0.x): IKE adds what the loaded plugins provide in rounds, strongest first. Their
 * order within a round is the order in which plugins registered them (crypto_factory.c
 * add_entry() does not sort), here the openssl plugin's order (openssl_plugin.c) behind the aes
 * and des plugins, as Debian loads them. The lab scenario checks this order against charon.
 *
 * Which order: vici_config.c parse_proposal(): 5.9 puts the classic proposal before the AEAD one
 * for IKE and ESP; 6.0 (add_default_proposals) puts AEAD first for ESP. 6.0.2 made the key
 * exchange optional in ESP defaults (every supported method, then NONE); 5.9 has none there.
 */
export type StrongswanVersion = '5.9' | '6.0';

const KE = 'curve25519-curve448-ecp256-ecp384-ecp521-ecp256bp-ecp384bp-ecp512bp-modp3072-modp4096-modp6144-modp8192-modp2048';
const PRF = 'prfsha256-prfsha384-prfsha512-prfaesxcbc-prfaescmac-prfsha1';

const IKE_CLASSIC =
  'aes128-aes192-aes256-aes128ctr-aes192ctr-aes256ctr-camellia128-camellia192-camellia256-' +
  `camellia128ctr-camellia192ctr-camellia256ctr-3des-sha256-sha384-sha512-sha1-aesxcbc-aescmac-${PRF}-${KE}`;
const IKE_AEAD =
  'aes128gcm16-aes192gcm16-aes256gcm16-aes128ccm16-aes192ccm16-aes256ccm16-chacha20poly1305-' +
  'aes128gcm12-aes192gcm12-aes256gcm12-aes128gcm8-aes192gcm8-aes256gcm8-' +
  `aes128ccm12-aes192ccm12-aes256ccm12-aes128ccm8-aes192ccm8-aes256ccm8-${PRF}-${KE}`;

const ESP_CLASSIC = 'aes128-aes192-aes256-sha256-sha384-sha512-sha1-aesxcbc-noesn';
const ESP_AEAD = 'aes128gcm16-aes192gcm16-aes256gcm16-noesn';

/** The proposals `default` stands for, in order, per protocol and strongSwan version. */
export const STRONGSWAN_DEFAULTS: Record<StrongswanVersion, { ike: readonly string[]; esp: readonly string[] }> = {
  '5.9': { ike: [IKE_CLASSIC, IKE_AEAD], esp: [ESP_CLASSIC, ESP_AEAD] },
  '6.0': { ike: [IKE_CLASSIC, IKE_AEAD], esp: [`${ESP_AEAD}-${KE}-none`, `${ESP_CLASSIC}-${KE}-none`] },
};

/**
 * Server configurations to start from, each exactly as its source publishes it.
 */
export interface ServerPreset {
  id: string;
  label: string;
  ike: string;
  esp: string;
  /** IKEv1 (L2TP/IPsec) side, '' for none. */
  ike1: string;
  esp1: string;
  source: string;
}

export const SERVER_PRESETS: readonly ServerPreset[] = [
  {
    id: 'strongswan-default',
    label: 'strongSwan defaults',
    ike: 'default',
    esp: 'default',
    ike1: '',
    esp1: '',
    source: 'strongSwan proposal.c, proposal_create_default() (strongswan/strongswan 3b902ea5)',
  },
  {
    id: 'recommended',
    label: 'This guide’s setup chapter',
    ike: 'aes256gcm16-aes128gcm16-prfsha512-prfsha384-prfsha256-x25519-ecp384-ecp256-modp3072-modp2048, aes256-aes128-sha384-sha256-x25519-ecp384-ecp256-modp3072-modp2048',
    esp: 'aes256gcm16-aes128gcm16, aes256-aes128-sha384-sha256, aes256gcm16-aes128gcm16-x25519-ecp384-ecp256-modp3072-modp2048, aes256-aes128-sha384-sha256-x25519-ecp384-ecp256-modp3072-modp2048',
    ike1: 'aes256-sha2;modp2048,aes128-sha2;modp2048,aes256-sha1;modp2048,aes128-sha1;modp2048',
    esp1: 'phase2alg=aes256-sha1,aes128-sha1,aes256-sha2,aes128-sha2',
    source: 'The swanctl.conf and libreswan ipsec.conf published in the setup chapter',
  },
  {
    id: 'hardened',
    label: 'Hardened: AES-GCM and ECP-384 only (trailofbits/algo)',
    ike: 'aes256gcm16-prfsha512-ecp384!',
    esp: 'aes256gcm16-ecp384!',
    ike1: '',
    esp1: '',
    source: 'trailofbits/algo f6931db, roles/strongswan/defaults/main.yml',
  },
  {
    id: 'jawj',
    label: 'jawj/IKEv2-setup',
    ike: 'ike=aes256gcm16-prfsha384-ecp384,aes256gcm16-prfsha256-ecp256!',
    esp: 'esp=aes256gcm16-ecp384!',
    ike1: '',
    esp1: '',
    source: 'jawj/IKEv2-setup 9273d7b, setup.sh (ipsec.conf ike= and esp=)',
  },
  {
    id: 'hwdsl2',
    label: 'hwdsl2/setup-ipsec-vpn (libreswan)',
    ike: 'ike=aes_gcm_c_256-hmac_sha2_256-ecp_256,aes256-sha2,aes128-sha2,aes256-sha1,aes128-sha1',
    esp: 'phase2alg=aes_gcm-null,aes128-sha1,aes256-sha1,aes128-sha2,aes256-sha2',
    ike1: '',
    esp1: '',
    source: 'hwdsl2/setup-ipsec-vpn df756d1, extras/ikev2setup.sh (ike= and phase2alg=)',
  },
  {
    id: 'legacy',
    label: 'Legacy: MODP-1024 and SHA-1 only',
    ike: 'aes128-sha1-modp1024!',
    esp: 'aes128-sha1!',
    ike1: 'aes128-sha1-modp1024!',
    esp1: 'aes128-sha1!',
    source: 'The pattern of old "Windows-friendly" scripts; RFC 8247 §2.4 rates MODP-1024 SHOULD NOT',
  },
];

#!/bin/sh
# Regenerates the lab-only PKI (private keys here protect nothing but lab namespaces). The
# certificates are committed so that certificate sizes, and therefore IKE_AUTH sizes, are the same
# on every run. Chains: RSA-2048 CA -> EE, ECDSA P-256 CA -> EE, RSA-4096 root -> intermediate -> EE.
set -eu
cd "$(dirname "$0")"
days=7300
issue() { # issue <ca-prefix> <key-type> <size> <name> <dn> <serial> [--ca]
  pki --gen --type "$2" --size "$3" --outform pem > "$4.key"
  pki --issue --cacert "$1.pem" --cakey "$1.key" --type priv --in "$4.key" --dn "$5" --serial "$6" \
    --lifetime $days --outform pem ${7:-} $( [ -z "${7:-}" ] && echo "--san ${5#CN=}" ) > "$4.pem"
}
for t in rsa2048:rsa:2048 ecdsa256:ecdsa:256 rsa4096:rsa:4096; do
  p=${t%%:*}; rest=${t#*:}; type=${rest%%:*}; size=${rest#*:}
  pki --gen --type "$type" --size "$size" --outform pem > "$p-ca.key"
  pki --self --ca --in "$p-ca.key" --dn "CN=VPN guide lab $p root" --serial 01 --lifetime $days --outform pem > "$p-ca.pem"
  ca="$p-ca"
  if [ "$p" = rsa4096 ]; then
    issue "$p-ca" "$type" "$size" "$p-int" "CN=VPN guide lab $p intermediate" 02 --ca
    ca="$p-int"
  fi
  issue "$ca" "$type" "$size" "$p-server" "CN=server.example.org" 03
  issue "$ca" "$type" "$size" "$p-client" "CN=client.example.org" 04
done

#!/bin/bash
# Real charon logs for the troubleshooter fixtures (issue 15).
# Runs two strongSwan 5.9.8 charons (kernel-libipsec) in network namespaces joined by a router
# namespace, one failure per case, and keeps both sides' logs:
#   <out>/<case>/{initiator,responder}.log        level 1, "%b %e %T" timestamps, IKE_SA names
#   <out>/<case>/{initiator,responder}-debug.log  level 2, no timestamps
# Topology (documentation addresses only, nothing leaves the namespaces):
#   tscl 192.0.2.10 --- 192.0.2.1 tsrt 198.51.100.1 --- 198.51.100.10 tssv
# Usage: logs.sh <out-dir> [case...]      (root; needs strongswan-charon, swanctl, pki, nftables)
set -u
OUT=$(realpath -m "${1:?out dir}"); shift
CASES=${*:-success success-eap ike-proposal esp-proposal ke-retry wrong-psk cert-id cert-untrusted eap-failed drop-500 drop-4500 frag-drop ts-unacceptable no-ike-config no-peer-config rekey-pfs}
WORK=$(mktemp -d /tmp/tslogs.XXXXXX)
CHARON=/usr/lib/ipsec/charon

down() {
  for n in tscl tssv; do
    [ -f "$WORK/$n/run/charon.pid" ] && kill "$(cat "$WORK/$n/run/charon.pid")" 2>/dev/null
  done
  sleep 0.5
  for n in tscl tsrt tssv; do ip netns del $n 2>/dev/null; done
}
trap 'down; [ -z "${KEEP:-}" ] && rm -rf "$WORK"' EXIT

up() {
  for n in tscl tsrt tssv; do ip netns add $n; ip -n $n link set lo up
    ip netns exec $n sysctl -qw net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0; done
  ip link add c0 netns tscl type veth peer name r0 netns tsrt
  ip link add s0 netns tssv type veth peer name r1 netns tsrt
  ip -n tscl addr add 192.0.2.10/24 dev c0; ip -n tscl addr add 203.0.113.10/32 dev lo
  ip -n tsrt addr add 192.0.2.1/24 dev r0; ip -n tsrt addr add 198.51.100.1/24 dev r1
  ip -n tssv addr add 198.51.100.10/24 dev s0; ip -n tssv addr add 203.0.113.200/32 dev lo
  for l in "tscl c0" "tsrt r0" "tsrt r1" "tssv s0"; do set -- $l; ip -n $1 link set $2 up; done
  ip -n tscl route add 198.51.100.0/24 via 192.0.2.1 dev c0
  ip -n tssv route add 192.0.2.0/24 via 198.51.100.1 dev s0
  ip netns exec tsrt sysctl -qw net.ipv4.ip_forward=1
}

pki_setup() {
  local p=$WORK/pki; mkdir -p $p; cd $p
  pki --gen --type ecdsa --size 256 --outform pem > ca.key
  pki --self --ca --lifetime 3650 --in ca.key --dn "C=XX, O=Example Lab, CN=Example Lab Root CA" --outform pem > ca.crt
  pki --gen --type ecdsa --size 256 --outform pem > other-ca.key
  pki --self --ca --lifetime 3650 --in other-ca.key --dn "C=XX, O=Other Org, CN=Other Root CA" --outform pem > other-ca.crt
  ee() { # name san ca
    pki --gen --type ecdsa --size 256 --outform pem > $1.key
    pki --req --in $1.key --dn "C=XX, O=Example Lab, CN=$2" --san $2 --outform pem > $1.csr
    pki --issue --cacert $3.crt --cakey $3.key --type pkcs10 --in $1.csr --lifetime 365 --flag serverAuth --flag ikeIntermediate --outform pem > $1.crt
  }
  ee server server.example.org ca
  ee wrongname vpn.example.net ca
  # a large RSA-4096 client certificate, so IKE_AUTH exceeds one 1500-byte packet
  pki --gen --type rsa --size 4096 --outform pem > big.key
  pki --req --in big.key --dn "C=XX, O=Example Lab, OU=Remote access users with long certificate names, CN=client.example.org" --san client.example.org --outform pem > big.csr
  pki --issue --cacert ca.crt --cakey ca.key --type pkcs10 --in big.csr --lifetime 365 --flag clientAuth --outform pem > big.crt
  cd - >/dev/null
}

# conf <ns> <side>: strongswan.conf with two file logs
conf() {
  local d=$WORK/$1; mkdir -p $d/run $d/swanctl/{x509,x509ca,private,ecdsa,rsa,x509aa,x509ocsp,x509crl,x509ac,pubkey,pkcs8,pkcs12,conf.d}
  cat > $d/strongswan.conf <<C
charon {
  load = random nonce openssl pem pkcs1 pkcs8 x509 revocation constraints pubkey gmp curve25519 aes sha1 sha2 hmac gcm md5 eap-md5 eap-identity kdf kernel-libipsec kernel-netlink socket-default vici updown
  install_virtual_ip = no
  retransmit_tries = 2
  retransmit_timeout = 1.0
  retransmit_base = 1.4
  half_open_timeout = 8
  filelog {
    main {
      path = $d/$2.log
      time_format = %b %e %T
      ike_name = yes
      default = 1
      flush_line = yes
    }
    debug {
      path = $d/$2-debug.log
      default = 2
      enc = 1
      asn = 1
      lib = 1
      knl = 1
      flush_line = yes
    }
  }
  plugins {
    vici { socket = unix://$d/charon.vici }
    kernel-libipsec { load = yes }
  }
}
C
}

start() { # ns
  local d=$WORK/$1
  setsid -f ip netns exec $1 sh -c "mount --bind $d/run /run && STRONGSWAN_CONF=$d/strongswan.conf exec $CHARON" >$d/stderr 2>&1
  for _ in $(seq 50); do [ -S $d/charon.vici ] && break; sleep 0.1; done
  SWANCTL_DIR=$d/swanctl swanctl --load-all --noprompt --uri unix://$d/charon.vici >/dev/null
}
sw() { local n=$1; shift; SWANCTL_DIR=$WORK/$n/swanctl swanctl "$@" --uri unix://$WORK/$n/charon.vici; }

# defaults, overridden per case
reset_case() {
  C_IKE=aes256-sha256-modp2048; S_IKE=aes256-sha256-modp2048
  C_ESP=aes256-sha256; S_ESP=aes256-sha256
  C_AUTH=psk; S_REMOTE_AUTH=psk; C_ID=client.example.org; C_REMOTE_ID=server.example.org
  S_ID=server.example.org; S_CERT=""; C_CA=""; C_PSK=lab-secret-one; S_PSK=lab-secret-one
  C_EAPPW=eap-pass-one; S_EAPPW=eap-pass-one; C_FRAG=yes; S_LOCAL_ADDRS=%any
  S_REMOTE_TS=203.0.113.10/32; C_CERT=""; DROP=""; REKEY=no
}

write_confs() {
  local c=$WORK/tscl/swanctl s=$WORK/tssv/swanctl p=$WORK/pki
  local c_local s_local s_remote c_secrets s_secrets
  if [ "$C_AUTH" = psk ]; then
    c_local="auth = psk
      id = $C_ID"
  elif [ "$C_AUTH" = pubkey ]; then
    c_local="auth = pubkey
      certs = big.crt
      id = $C_ID"
    cp $p/big.crt $c/x509/; cp $p/big.key $c/rsa/
  else
    c_local="auth = eap-md5
      eap_id = $C_ID
      id = $C_ID"
  fi
  if [ -n "$S_CERT" ]; then
    s_local="auth = pubkey
      certs = $S_CERT.crt
      id = $S_ID"
    cp $p/$S_CERT.crt $s/x509/; cp $p/$S_CERT.key $s/ecdsa/
  else
    s_local="auth = psk
      id = $S_ID"
  fi
  [ -n "$C_CA" ] && cp $p/$C_CA.crt $c/x509ca/
  cp $p/ca.crt $s/x509ca/
  s_remote="auth = $S_REMOTE_AUTH"
  [ "$S_REMOTE_AUTH" = eap-md5 ] && s_remote="$s_remote
      eap_id = %any"
  [ "$S_REMOTE_AUTH" = psk ] && s_remote="$s_remote
      id = client.example.org"
  c_secrets="ike-1 { id-1 = $C_ID
    id-2 = server.example.org
    secret = $C_PSK }
  eap-1 { id = $C_ID
    secret = $C_EAPPW }"
  s_secrets="ike-1 { id-1 = client.example.org
    id-2 = server.example.org
    secret = $S_PSK }
  eap-1 { id = client.example.org
    secret = $S_EAPPW }"
  cat > $c/swanctl.conf <<C
connections {
  lab {
    version = 2
    remote_addrs = 198.51.100.10
    proposals = $C_IKE
    fragmentation = $C_FRAG
    local { $c_local
    }
    remote { auth = pubkey
      id = $C_REMOTE_ID
    }
    children { net { local_ts = 203.0.113.10/32
        remote_ts = 203.0.113.200/32
        esp_proposals = $C_ESP
        start_action = none } }
  }
}
secrets { $c_secrets }
C
  # the client authenticates the server by PSK when it uses PSK itself
  [ "$C_AUTH" = psk ] && sed -i 's/remote { auth = pubkey/remote { auth = psk/' $c/swanctl.conf
  cat > $s/swanctl.conf <<C
connections {
  lab {
    version = 2
    local_addrs = $S_LOCAL_ADDRS
    proposals = $S_IKE
    local { $s_local
    }
    remote { $s_remote
    }
    children { net { local_ts = 203.0.113.200/32
        remote_ts = $S_REMOTE_TS
        esp_proposals = $S_ESP } }
  }
}
secrets { $s_secrets }
C
}

run_case() {
  local name=$1; reset_case
  case $name in
    success) ;;
    success-eap) C_AUTH=eap; S_REMOTE_AUTH=eap-md5; S_CERT=server; C_CA=ca ;;
    ike-proposal) C_IKE=aes128-sha1-modp1024; S_IKE=aes256gcm16-prfsha384-ecp384 ;;
    esp-proposal) C_ESP=aes128-sha1; S_ESP=aes256gcm16 ;;
    ke-retry) C_IKE=aes256-sha256-ecp256-modp2048; S_IKE=aes256-sha256-modp2048 ;;
    wrong-psk) C_PSK=lab-secret-two ;;
    # the client expects a name under example.org (a wildcard, so no IDr is sent, as Windows does);
    # the server's certificate names only vpn.example.net
    cert-id) C_AUTH=eap; S_REMOTE_AUTH=eap-md5; S_CERT=wrongname; S_ID=vpn.example.net; C_CA=ca; C_REMOTE_ID='*.example.org' ;;
    cert-untrusted) C_AUTH=eap; S_REMOTE_AUTH=eap-md5; S_CERT=server; C_CA=other-ca ;;
    eap-failed) C_AUTH=eap; S_REMOTE_AUTH=eap-md5; S_CERT=server; C_CA=ca; C_EAPPW=eap-pass-two ;;
    drop-500) DROP='udp dport 500 drop' ;;
    drop-4500) DROP='udp dport 4500 drop' ;;
    frag-drop) C_AUTH=pubkey; S_REMOTE_AUTH=pubkey; C_FRAG=no; DROP=frag ;;
    ts-unacceptable) S_REMOTE_TS=203.0.113.99/32 ;;
    no-ike-config) S_LOCAL_ADDRS=198.51.100.99 ;;
    no-peer-config) C_ID=stranger.example.org ;;
    rekey-pfs) C_ESP=aes256-sha256-modp2048; REKEY=yes ;;
    *) echo "unknown case $name" >&2; return 1 ;;
  esac
  rm -rf $WORK/tscl $WORK/tssv; conf tscl initiator; conf tssv responder; write_confs
  if [ "$DROP" = frag ]; then # drop every IP fragment from the client (the path loses them)
    printf 'table netdev tsfrag {\n chain tsin {\n  type filter hook ingress device "r0" priority 0;\n  ip frag-off & 0x3fff != 0 drop\n }\n}\n' | ip netns exec tsrt nft -f -
  elif [ -n "$DROP" ]; then
    printf 'table inet tsdrop {\n chain tsfwd {\n  type filter hook forward priority 0; policy accept;\n  %s\n }\n}\n' "$DROP" | ip netns exec tsrt nft -f -
  fi
  start tssv; start tscl
  sw tscl --initiate --child net --ike lab --timeout 20 >/dev/null 2>&1
  if [ $REKEY = yes ]; then sleep 1; sw tscl --rekey --child net >/dev/null 2>&1; sleep 2; fi
  sleep 1
  case $name in drop-4500|frag-drop) sleep 8 ;; esac  # let the responder's half-open IKE_SA time out
  for n in tscl tssv; do kill "$(cat $WORK/$n/run/charon.pid)"; done; sleep 0.7
  ip netns exec tsrt nft delete table netdev tsfrag 2>/dev/null; ip netns exec tsrt nft delete table inet tsdrop 2>/dev/null
  mkdir -p $OUT/$name
  cp $WORK/tscl/initiator*.log $WORK/tssv/responder*.log $OUT/$name/ 2>/dev/null
  echo "$name: $(wc -l < $OUT/$name/initiator.log) initiator lines, $(wc -l < $OUT/$name/responder.log 2>/dev/null || echo 0) responder lines"
}

up; pki_setup
for c in $CASES; do run_case $c; done

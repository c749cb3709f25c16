/**
 * The server's files: swanctl.conf, the pki commands for the CA and server certificate, and
 * the nftables rules for forwarding, NAT and the MSS clamp. Option names and defaults are
 * strongSwan's (swanctl.conf(5), pki(1)); the firewall's input rules come from the
 * reachability model, the clamp from the overhead model.
 */
import { generateRules } from '../reachability';
import type { ServerSuggestion } from '../proposals';
import type { ConfigInputs } from './inputs';
import { CA_COMMON_NAME, PSK_PLACEHOLDER, pskClientId } from './settings';

const indent = (lines: string[], depth: number) => lines.map((l) => (l === '' ? l : '  '.repeat(depth) + l));

/** Traffic selectors: the routes for a split tunnel, else everything of each family in use. */
export function trafficSelectors(inputs: ConfigInputs): string {
  if (inputs.routes.length > 0) return inputs.routes.map((r) => r.text).join(', ');
  return inputs.pool6 ? '0.0.0.0/0, ::/0' : '0.0.0.0/0';
}

export function swanctlConf(inputs: ConfigInputs, server: ServerSuggestion, psk: string | null): string {
  const { slug } = inputs;
  const [pool4Name, pool6Name] = [`${slug}-v4`, `${slug}-v6`];
  const pools = [pool4Name, ...(inputs.pool6 ? [pool6Name] : [])];
  const eap = inputs.auth !== 'psk';
  const local = eap
    ? ['auth = pubkey', 'certs = server.cert.pem', `id = ${inputs.gateway}`]
    : ['auth = psk', `id = ${inputs.gateway}`];
  // eap_id = %any: the server asks for an EAP identity, since Windows sends its IP address as IKE
  // identity with EAP-TLS; the client certificate must hold that identity (strongswan-docs
  // interop/windowsUserServerConf.adoc). EAP-TLS needs charon's eap-tls and eap-identity plugins.
  const remote = eap ? [`auth = ${inputs.auth}`, 'eap_id = %any'] : ['auth = psk', `id = ${pskClientId(inputs.gateway)}`];
  const child = [
    `local_ts = ${trafficSelectors(inputs)}`,
    `esp_proposals = ${server.esp}`,
    ...(server.notes.some((n) => n.includes('rekey_time = 0')) ? ['rekey_time = 0  # clients start CHILD_SA rekeys'] : []),
    'dpd_action = clear',
  ];
  const connection = [
    `${slug} {`,
    '  version = 2',
    `  proposals = ${server.ike}`,
    `  pools = ${pools.join(', ')}`,
    ...(eap ? ['  send_cert = always', '  send_certreq = no'] : []),
    '  fragmentation = yes',
    '  dpd_delay = 60s',
    '  local {', ...indent(local, 2), '  }',
    '  remote {', ...indent(remote, 2), '  }',
    '  children {', `    ${slug} {`, ...indent(child, 3), '    }', '  }',
    '}',
  ];
  // Legacy L2TP/IPsec (RFC 3193): IKEv1 main mode with the shared key, ESP in transport mode
  // for L2TP on UDP 1701 only; the clients' source port varies behind NAT.
  const l2tp = inputs.l2tpPool && server.ike1 && server.esp1
    ? [
        `${slug}-l2tp {`,
        '  version = 1',
        `  proposals = ${server.ike1}`,
        '  dpd_delay = 60s',
        '  local {', '    auth = psk', '  }',
        '  remote {', '    auth = psk', '  }',
        '  children {', `    ${slug}-l2tp {`,
        '      mode = transport',
        '      local_ts = dynamic[udp/1701]',
        '      remote_ts = dynamic[udp]',
        `      esp_proposals = ${server.esp1}`,
        '      dpd_action = clear',
        '    }', '  }',
        '}',
      ]
    : [];
  const poolLines = (name: string, addrs: string, dns: string[]) => [
    `${name} {`, `  addrs = ${addrs}`, ...(dns.length > 0 ? [`  dns = ${dns.join(', ')}`] : []), '}',
  ];
  const v4dns = inputs.dns.filter((d) => !d.includes(':'));
  const v6dns = inputs.dns.filter((d) => d.includes(':'));
  const poolSection = [
    ...poolLines(pool4Name, inputs.pool4.text, v4dns),
    ...(inputs.pool6 ? poolLines(pool6Name, inputs.pool6.text, v6dns) : []),
  ];
  const secrets = inputs.auth === 'eap-tls'
    ? []
    : eap
    ? inputs.users.flatMap((user) => [`eap-${user.replace(/[^A-Za-z0-9]/g, '-')} {`, `  id = ${user}`, `  secret = "password-of-${user}"  # replace: a long random password`, '}'])
    : ['ike-clients {', `  id-server = ${inputs.gateway}`, `  id-clients = ${pskClientId(inputs.gateway)}`, `  secret = "${psk ?? PSK_PLACEHOLDER}"`, '}'];
  // IKEv1 main mode identifies PSK peers by IP address only, so the L2TP key has no ids (RFC 2409 §5.4).
  const l2tpSecret = l2tp.length > 0 ? ['ike-l2tp {', `  secret = "${psk ?? PSK_PLACEHOLDER}"  # shared by every L2TP/IPsec client`, '}'] : [];
  return [
    `# /etc/swanctl/conf.d/${slug}.conf: IKEv2 server for ${inputs.gateway} (${inputs.name}).`,
    '# Load with: swanctl --load-all',
    'connections {', ...indent([...connection, ...l2tp], 1), '}', '',
    'pools {', ...indent(poolSection, 1), '}', '',
    ...(secrets.length + l2tpSecret.length > 0 ? ['secrets {', ...indent([...secrets, ...l2tpSecret], 1), '}', ''] : []),
  ].join('\n');
}

/** The subjectAltNames the server certificate needs: the name, and an IP both as dNSName
 *  (Windows matches only that) and as iPAddress (strongSwan docs, Windows certificate requirements). */
export function serverSans(inputs: ConfigInputs): string[] {
  return inputs.gatewayKind === 'name' ? [inputs.gateway] : [`dns:${inputs.gateway}`, inputs.gateway];
}

/** A client certificate and its PKCS#12 bundle per EAP-TLS user, whose SAN is the user name the
 *  client sends as EAP identity. PKCS#12 with -legacy (3DES, the old KDF): Apple clients read no
 *  other (strongswan-docs interop/appleIkev2Profile.adoc); Windows and Android import it too. */
function clientCertLines(inputs: ConfigInputs): string[] {
  if (inputs.auth !== 'eap-tls') return [];
  return [
    '# One client certificate per user, bundled with its key and the CA as clients/<user>.p12.',
    'mkdir -p clients',
    `for user in ${inputs.users.join(' ')}; do`,
    '  pki --gen --type rsa --size 3072 --outform pem > "clients/$user.key.pem"',
    '  pki --pub --in "clients/$user.key.pem" --type rsa \\',
    '    | pki --issue --lifetime 825 \\',
    '          --cacert x509ca/ca.cert.pem --cakey private/ca.key.pem \\',
    '          --dn "CN=$user" --san "$user" --flag clientAuth \\',
    '          --digest sha256 --rsa-padding pkcs1 \\',
    '          --outform pem > "clients/$user.cert.pem"',
    '  openssl pkcs12 -export -legacy -name "$user" -passout env:P12_PASSWORD \\',
    '    -inkey "clients/$user.key.pem" -in "clients/$user.cert.pem" -certfile x509ca/ca.cert.pem \\',
    '    -out "clients/$user.p12"',
    `  # With the builder's Apple profile in this folder: a copy per user with the bundle in its empty <data></data>.`,
    `  if [ -f ${inputs.slug}.mobileconfig ]; then`,
    `    sed "s|<data></data>|<data>$(base64 -w0 "clients/$user.p12")</data>|" ${inputs.slug}.mobileconfig > "clients/$user.mobileconfig"`,
    '  fi',
    'done',
  ];
}

export function pkiScript(inputs: ConfigInputs): string {
  const sans = serverSans(inputs).map((san) => `        --san ${san} \\`);
  return [
    '#!/bin/sh',
    `# A private CA and the server certificate for ${inputs.gateway}. Run as root on the server;`,
    `# its private keys never leave it. Needs strongSwan's pki tool (Debian: strongswan-pki)${inputs.auth === 'eap-tls' ? ' and openssl' : ''}.`,
    'set -eu',
    ...(inputs.auth === 'eap-tls'
      ? [
          '# P12_PASSWORD protects the users\' .p12 bundles: hand each user their file and the password separately.',
          ': "${P12_PASSWORD:?set P12_PASSWORD to the password that protects the .p12 files}"',
        ]
      : []),
    '# swanctl reads this folder; SWANCTL_DIR is the variable swanctl itself uses to move it.',
    'cd "${SWANCTL_DIR:-/etc/swanctl}"',
    'mkdir -p private x509ca x509',
    'umask 077',
    'pki --gen --type rsa --size 3072 --outform pem > private/ca.key.pem',
    'pki --self --ca --lifetime 3652 --in private/ca.key.pem \\',
    `    --dn "CN=${CA_COMMON_NAME}" --digest sha256 --rsa-padding pkcs1 \\`,
    '    --outform pem > x509ca/ca.cert.pem',
    'pki --gen --type rsa --size 3072 --outform pem > private/server.key.pem',
    'pki --pub --in private/server.key.pem --type rsa \\',
    '  | pki --issue --lifetime 825 \\',
    '        --cacert x509ca/ca.cert.pem --cakey private/ca.key.pem \\',
    `        --dn "CN=${inputs.gateway}" \\`,
    ...sans,
    '        --flag serverAuth --flag ikeIntermediate \\',
    '        --digest sha256 --rsa-padding pkcs1 \\',
    '        --outform pem > x509/server.cert.pem',
    ...clientCertLines(inputs),
    '# Clients install x509ca/ca.cert.pem (public). Check the server certificate:',
    'openssl x509 -in x509/server.cert.pem -noout -ext subjectAltName,extendedKeyUsage',
    '',
  ].join('\n');
}

/** nftables input rules for IKE, NAT-T and ESP (and L2TP only through IPsec), from the port checklist's model. */
export function inputRules(inputs: ConfigInputs): string {
  const rules = generateRules({
    protocol: inputs.l2tpPool ? 'both' : 'ikev2',
    serverNat: inputs.serverNat,
    clientNat: true,
    family: inputs.gatewayKind === 'ipv6' ? 6 : 4,
    tcpEncapsulation: false,
    firewall: 'nftables',
  });
  const [file] = rules.files;
  if (!file) throw new Error('the port checklist wrote no nftables file');
  return file.content;
}

/** Forwarding, masquerade and the MSS clamp for the client pools. */
export function forwardRules(inputs: ConfigInputs, mss: { v4: number; v6: number | null; l2tp: number | null }): string {
  const lines = [
    '#!/usr/sbin/nft -f',
    `# Forwarding for the VPN clients of ${inputs.gateway}: NAT to the Internet and the TCP MSS clamp.`,
    '# Also set net.ipv4.ip_forward = 1 (and net.ipv6.conf.all.forwarding = 1 for IPv6) with sysctl.',
    'table inet vpn_clients',
    'delete table inet vpn_clients',
    '',
    'table inet vpn_clients {',
    '\tchain forward {',
    '\t\ttype filter hook forward priority mangle; policy accept;',
    `\t\tip saddr ${inputs.pool4.text} tcp flags & (syn | rst) == syn tcp option maxseg size > ${mss.v4} tcp option maxseg size set ${mss.v4}`,
    `\t\tip daddr ${inputs.pool4.text} tcp flags & (syn | rst) == syn tcp option maxseg size > ${mss.v4} tcp option maxseg size set ${mss.v4}`,
  ];
  if (inputs.pool6 && mss.v6 !== null) {
    lines.push(
      `\t\tip6 saddr ${inputs.pool6.text} tcp flags & (syn | rst) == syn tcp option maxseg size > ${mss.v6} tcp option maxseg size set ${mss.v6}`,
      `\t\tip6 daddr ${inputs.pool6.text} tcp flags & (syn | rst) == syn tcp option maxseg size > ${mss.v6} tcp option maxseg size set ${mss.v6}`,
    );
  }
  if (inputs.l2tpPool && mss.l2tp !== null) {
    lines.push(
      `\t\tip saddr ${inputs.l2tpPool.text} tcp flags & (syn | rst) == syn tcp option maxseg size > ${mss.l2tp} tcp option maxseg size set ${mss.l2tp}`,
      `\t\tip daddr ${inputs.l2tpPool.text} tcp flags & (syn | rst) == syn tcp option maxseg size > ${mss.l2tp} tcp option maxseg size set ${mss.l2tp}`,
    );
  }
  lines.push('\t}', '', '\tchain postrouting {', '\t\ttype nat hook postrouting priority srcnat; policy accept;');
  lines.push(`\t\tip saddr ${inputs.pool4.text} rt ipsec missing masquerade`);
  if (inputs.l2tpPool) lines.push(`\t\tip saddr ${inputs.l2tpPool.text} rt ipsec missing masquerade`);
  if (inputs.pool6) lines.push(`\t\tip6 saddr ${inputs.pool6.text} rt ipsec missing masquerade`);
  lines.push('\t}', '}', '');
  return lines.join('\n');
}

// The setup chapter shows the builder's files, rendered at build time by ConfigFile.astro
// (builtFile), never hand-typed copies that could drift from the builder. The dist e2e test
// (tests/e2e/config.test.ts) compares the rendered chapter with the model's text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtFile } from '../../../src/lib/config';

const chapter = readFileSync(new URL('../../../src/content/docs/guide/setup.mdx', import.meta.url), 'utf8');
const uses = [...chapter.matchAll(/<ConfigFile\s+([^>]*?)\/>/g)].map((m) => m[1]!);
const fences = [...chapter.matchAll(/^```[^\n]*\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);

describe('the setup chapter renders its configuration files from the builder', () => {
  it('shows the server configuration, the certificate script, the Windows script, the Apple profile and the nmcli commands', () => {
    expect(uses.map((u) => /name="([^"]+)"/.exec(u)?.[1])).toEqual(['make-certs.sh', 'swanctl.conf', 'example-vpn.ps1', 'example-vpn.mobileconfig', 'example-vpn-nmcli.sh']);
  });

  it('uses the builder default inputs, which the chapter describes in prose', () => {
    // Placeholders named in the chapter's introduction and in the swanctl.conf section.
    expect(uses.every((u) => !u.includes('state='))).toBe(true);
    expect(chapter).toContain('`vpn.example.com`');
    expect(chapter).toContain('`10.10.10.0/24`');
    const server = builtFile('swanctl.conf').text;
    expect(server).toContain('id = vpn.example.com');
    expect(server).toContain('addrs = 10.10.10.0/24');
    expect(server).toContain('id = alice');
  });

  it('keeps no hand-typed copy of a file the builder writes', () => {
    const builderLines = ['connections {', 'pki --issue', 'set-vpnconnectionipsecconfiguration', '-tunneltype ikev2', '<key>ikev2</key>', 'nmcli connection add'];
    for (const fence of fences) for (const line of builderLines) expect(fence.toLowerCase(), line).not.toContain(line);
  });

  it('is refused at build time when a chapter asks for a file the builder does not write', () => {
    expect(() => builtFile('make-certs.sh', { auth: 'psk' })).toThrow(/writes no make-certs.sh/);
    expect(() => builtFile('swanctl.conf', { gateway: 'not a name' })).toThrow(/gateway/);
    // An address as gateway: a dNSName and an iPAddress SAN (strongswan-windows-cert-requirements).
    expect(builtFile('make-certs.sh', { gateway: '203.0.113.10' }).text).toContain('--san dns:203.0.113.10 \\\n        --san 203.0.113.10 \\');
  });
});

// The server configuration the setup chapter publishes serves every client the chapter claims.
// The chapter renders its swanctl.conf, PowerShell script and Apple profile from the configuration
// builder's default inputs (<ConfigFile> in setup.mdx, checked line by line in tests/unit/config);
// this test reads the proposals out of that rendered swanctl.conf and runs the matcher on them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildConfig, clientOverrides, DEFAULT_CONFIG_STATE } from '../../../src/lib/config';
import { CLIENT_BY_ID, matchClient, parseProposals, type ClientId, type ServerProposals } from '../../../src/lib/proposals';

const chapter = readFileSync(new URL('../../../src/content/docs/guide/setup.mdx', import.meta.url), 'utf8');
const swanctl = buildConfig(DEFAULT_CONFIG_STATE).files.find((f) => f.name === 'swanctl.conf')?.text ?? '';
const line = (pattern: RegExp): string => {
  const m = pattern.exec(swanctl);
  if (!m?.[1]) throw new Error(`the builder's swanctl.conf has no ${pattern}`);
  return m[1].trim();
};
const server: ServerProposals = {
  ike: parseProposals(line(/^\s*proposals = (.+)$/m), 'ike').proposals,
  esp: parseProposals(line(/^\s*esp_proposals = (.+)$/m), 'esp').proposals,
  ike1: null,
  esp1: null,
};

describe('setup chapter configuration', () => {
  it('renders the builder’s default server file, not a hand-typed copy', () => {
    expect(chapter).toMatch(/<ConfigFile name="swanctl\.conf"[^>]*\/>/);
    expect(chapter).not.toMatch(/^\s*esp_proposals = /m);
  });

  it.each([
    // Clients the chapter's "Step 4" sets up with the builder's files or settings.
    ['windows-ps', true],
    ['apple-profile', true],
    ['android-native', true],
    ['sswan-android', true],
    ['chromeos', true],
  ] as const)('%s connects and stays connected through every rekey', (id, ok) => {
    const client = CLIENT_BY_ID.get(id as ClientId);
    if (!client) throw new Error(`no client ${id}`);
    const v = matchClient(server, client, clientOverrides()[id as ClientId]);
    expect(v.connect).toBe(ok);
    expect(v.rekey).toBe(ok);
  });
});

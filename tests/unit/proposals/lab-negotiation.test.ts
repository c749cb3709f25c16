// The matcher against real charons: tests/lab/results/negotiation.json (npm run lab -- negotiation)
// records what strongSwan 5.9.8 negotiated when it played each client against each server.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_BY_ID, SERVER_PRESETS, matchClient, parseProposals, type ClientId } from '../../../src/lib/proposals';

interface LabRecord {
  id: string;
  connect: boolean;
  ike: string | null;
  esp: string | null;
  invalidKe: boolean;
  childRekeyByClient: boolean;
  childRekeyByServer: boolean;
  ikeRekeyByClient: boolean;
  ikeRekeyByServer: boolean;
}
const results = JSON.parse(readFileSync(new URL('../../lab/results/negotiation.json', import.meta.url), 'utf8')) as {
  strongswan: string;
  records: LabRecord[];
  settings: { notExpressible: Record<string, string> };
};

describe(`proposal matcher vs strongSwan ${results.strongswan} in the lab`, () => {
  it('covers six servers and every client charon can play', () => {
    expect(new Set(results.records.map((r) => r.id.split('/')[0])).size).toBe(6);
    const played = new Set(results.records.map((r) => r.id.split('/')[1]));
    expect(played.size + Object.keys(results.settings.notExpressible).length).toBe(CLIENT_BY_ID.size);
  });

  it.each(results.records.map((r) => [r.id, r] as const))('%s', (id, measured) => {
    const [serverId, clientId] = id.split('/') as [string, ClientId];
    const preset = SERVER_PRESETS.find((s) => s.id === serverId)!;
    const v = matchClient(
      { ike: parseProposals(preset.ike, 'ike', { version: '5.9' }).proposals, esp: parseProposals(preset.esp, 'esp', { version: '5.9' }).proposals, ike1: null, esp1: null },
      CLIENT_BY_ID.get(clientId)!,
    );
    const [ike, , childRekey, ikeRekey] = v.stages;
    expect({
      connect: v.connect,
      ike: v.connect ? ike!.attempts[0]!.selected : null,
      esp: v.connect ? v.esp : null,
      invalidKe: v.connect && ike!.attempts[0]!.invalidKe !== null,
      childRekeyByClient: v.connect && childRekey!.attempts[0]!.ok,
      childRekeyByServer: v.connect && childRekey!.attempts[1]!.ok,
      ikeRekeyByClient: v.connect && ikeRekey!.attempts[0]!.ok,
      ikeRekeyByServer: v.connect && ikeRekey!.attempts[1]!.ok,
    }).toEqual(Object.fromEntries(Object.entries(measured).filter(([key]) => key !== "id")));
  });
});

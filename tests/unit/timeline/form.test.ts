// The form as data: every control names a state field with its real options, the full tool
// offers every field that matters, the compact embeds only what their chapter is about.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMELINE_STATE, TIMELINE_CHOICES, TIMELINE_FIELDS, fieldMatters, formGroups, type TimelineState } from '../../../src/lib/timeline';
import { validState } from './arbitraries';

const names = (state: TimelineState, compact: boolean) => formGroups(state, compact).flatMap((g) => g.controls.map((c) => c.name));

describe('formGroups', () => {
  it('offers, in the full tool, exactly the fields that can change the result (and the event)', () => {
    fc.assert(
      fc.property(validState, (state) => {
        const shown = new Set(names(state, false));
        for (const field of TIMELINE_FIELDS) {
          // MOBIKE, auth and pq stay visible even where the state makes them moot: they are the
          // questions the tool is about, and hiding them would make the form jump.
          if (field === 'mobike' || field === 'auth' || field === 'pq') expect(shown.has(field)).toBe(true);
          else expect(shown.has(field)).toBe(fieldMatters(field, state));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('lists each choice with every option of its URL field, in order', () => {
    for (const group of formGroups({ ...DEFAULT_TIMELINE_STATE, event: 'change', auth: 'eap-tls' }, false)) {
      for (const control of group.controls) {
        if (control.kind === 'select' || control.kind === 'radio') {
          expect(control.options.map((o) => o.value)).toEqual([...TIMELINE_CHOICES[control.name as keyof typeof TIMELINE_CHOICES]]);
          for (const option of control.options) expect(option.label.trim().length).toBeGreaterThan(0);
        }
      }
    }
  });

  it.each([
    { event: 'connect', controls: ['rtt', 'loss', 'auth'], note: 'Main Mode (6 messages), MS-CHAPv2; more choices in the full tool.' },
    { event: 'change', controls: ['rtt', 'loss', 'mobike', 'detect', 'l2detect'], note: undefined },
  ] as const)('the compact $event embed shows $controls', ({ event, controls, note }) => {
    const groups = formGroups({ ...DEFAULT_TIMELINE_STATE, event }, true);
    expect(groups.flatMap((g) => g.controls.map((c) => c.name))).toEqual(controls);
    expect(groups.find((g) => g.legend === 'L2TP/IPsec')?.note).toBe(note);
  });

  it.each([
    { field: 'detect', value: 'event', hint: 'strongSwan reacts 100 ms after the address event.', source: 'strongswan-kernel-netlink-net: ROAM_DELAY 100 ms' },
    { field: 'detect', value: 'dpd', hint: 'No address event: a liveness check every 30 s until DPD gives up.', source: 'hwdsl2-vpnsetup: dpddelay=30' },
    { field: 'l2detect', value: 'event', hint: 'Recovery starts 100 ms after the address event, as for IKEv2.', source: 'strongswan-kernel-netlink-net: the same ROAM_DELAY settling delay' },
    { field: 'l2detect', value: 'lcp', hint: 'pppd gives up after 4 missed echoes, 30 s apart (hwdsl2 setup).', source: 'hwdsl2-vpnsetup: options.xl2tpd lcp-echo-interval 30, lcp-echo-failure 4' },
  ] as const)('the $field hint describes the selected option $value ($source)', ({ field, value, hint }) => {
    const control = formGroups({ ...DEFAULT_TIMELINE_STATE, event: 'change', [field]: value }, false)
      .flatMap((g) => g.controls)
      .find((c) => c.name === field);
    expect(control && 'hint' in control ? control.hint : '').toBe(hint);
  });
});

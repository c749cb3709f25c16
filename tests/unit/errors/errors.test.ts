import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldError, describeValue } from '../../../src/lib/errors';
import { ModelError, compileTunnel } from '../../../src/lib/overhead';
import { HandshakeError, compareHandshakes, resolveHandshakeInput } from '../../../src/lib/handshake';
import { DecisionError, evaluate } from '../../../src/lib/decision';
import { ReachabilityError, reachability } from '../../../src/lib/reachability';

/** The error a call throws, or a failure when it returns. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

const nullPrototype = () => Object.create(null) as object;

describe('one error family', () => {
  it.each([
    { model: 'overhead', run: () => compileTunnel({ protocol: 'pptp' } as never), type: ModelError, name: 'ModelError', field: 'protocol' },
    { model: 'handshake', run: () => compareHandshakes({ rttMs: -1 }), type: HandshakeError, name: 'HandshakeError', field: 'rttMs' },
    { model: 'decision', run: () => evaluate({ roaming: 'maybe' } as never), type: DecisionError, name: 'DecisionError', field: 'roaming' },
    { model: 'reachability', run: () => reachability({ protocol: 'pptp' } as never), type: ReachabilityError, name: 'ReachabilityError', field: 'protocol' },
  ])('$model refuses bad input with a $name, a FieldError naming $field', ({ run, type, name, field }) => {
    const error = thrown(run);
    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(FieldError);
    expect((error as FieldError).name).toBe(name);
    expect((error as FieldError).field).toBe(field);
  });

  // A null-prototype object has no toString: String(value) throws a raw TypeError (code review §2.6).
  it.each([
    { input: { rttMs: nullPrototype() }, field: 'rttMs' },
    { input: { event: nullPrototype() }, field: 'event' },
    { input: { ikev2: { mobike: nullPrototype() } }, field: 'ikev2.mobike' },
    { input: { timers: { ike: { base: nullPrototype() } } }, field: 'timers.ike.base' },
  ])('handshake input with a null-prototype object at $field is a HandshakeError, not a TypeError', ({ input, field }) => {
    for (const run of [() => resolveHandshakeInput(input), () => compareHandshakes(input)]) {
      const error = thrown(run);
      expect(error).toBeInstanceOf(HandshakeError);
      expect((error as HandshakeError).field).toBe(field);
    }
  });
});

describe('describeValue', () => {
  it.each([
    { value: 'abc', text: "'abc'" },
    { value: 'x'.repeat(80), text: `'${'x'.repeat(57)}...'` },
    { value: 12, text: '12' },
    { value: Number.NaN, text: 'NaN' },
    { value: 10n, text: '10' },
    { value: null, text: 'null' },
    { value: undefined, text: 'undefined' },
    { value: [1], text: 'an array' },
    { value: Symbol('s'), text: 'a value of type symbol' },
    { value: Object.create(null), text: 'a value of type object' },
  ])('$text', ({ value, text }) => {
    expect(describeValue(value)).toBe(text);
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.anything({ withNullPrototype: true, withBigInt: true }), (value) => void describeValue(value)));
  });
});

// fast-check generators shared by the timeline tests: valid states (numbers a reader could type
// within the model's ranges) and arbitrary ones (any text in the number fields).
import fc from 'fast-check';
import { TIMELINE_CHOICES, type TimelineState } from '../../../src/lib/timeline';

const decimal = (min: number, max: number, digits: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((value) => String(Number(value.toFixed(digits))));

const choices = {
  event: fc.constantFrom(...TIMELINE_CHOICES.event),
  auth: fc.constantFrom(...TIMELINE_CHOICES.auth),
  ke: fc.constantFrom(...TIMELINE_CHOICES.ke),
  pq: fc.constantFrom(...TIMELINE_CHOICES.pq),
  nat: fc.constantFrom(...TIMELINE_CHOICES.nat),
  mobike: fc.constantFrom(...TIMELINE_CHOICES.mobike),
  detect: fc.constantFrom(...TIMELINE_CHOICES.detect),
  l2detect: fc.constantFrom(...TIMELINE_CHOICES.l2detect),
  mode: fc.constantFrom(...TIMELINE_CHOICES.mode),
  l2auth: fc.constantFrom(...TIMELINE_CHOICES.l2auth),
};

/** States the model accepts: RTT 0-10 s, loss below 100 %, certificates up to 16 kB. */
export const validState: fc.Arbitrary<TimelineState> = fc.record({
  ...choices,
  rtt: decimal(0, 10_000, 2),
  loss: decimal(0, 99.9, 3),
  chain: fc.integer({ min: 0, max: 16_384 }).map(String),
  cchain: fc.integer({ min: 0, max: 16_384 }).map(String),
});

/** Any text of link length in the number fields. */
export const anyState: fc.Arbitrary<TimelineState> = fc.record({
  ...choices,
  rtt: fc.oneof(fc.string({ maxLength: 12 }), decimal(-100, 20_000, 3)),
  loss: fc.oneof(fc.string({ maxLength: 12 }), decimal(-10, 150, 3)),
  chain: fc.oneof(fc.string({ maxLength: 12 }), decimal(-10, 40_000, 1)),
  cchain: fc.oneof(fc.string({ maxLength: 12 }), decimal(-10, 40_000, 1)),
});

// fast-check generator of decision answers: any subset of questions answered, any valid option each.
import fc from 'fast-check';
import {
  APP_IDS,
  AUTH_IDS,
  NAT_IDS,
  PLATFORM_IDS,
  ROAMING_IDS,
  SECURITY_IDS,
  UDP_BLOCKED_IDS,
  type Answers,
} from '../../../src/lib/decision/questions';

const maybe = <T,>(values: readonly T[]) => fc.option(fc.constantFrom(...values), { nil: undefined });

export const answersArb: fc.Arbitrary<Answers> = fc
  .record({
    platforms: fc.option(fc.shuffledSubarray([...PLATFORM_IDS], { minLength: 1 }), { nil: undefined }),
    roaming: maybe(ROAMING_IDS),
    udpBlocked: maybe(UDP_BLOCKED_IDS),
    serverNat: maybe(NAT_IDS),
    clientNat: maybe(NAT_IDS),
    auth: maybe(AUTH_IDS),
    security: maybe(SECURITY_IDS),
    appInstall: maybe(APP_IDS),
  })
  .map((raw) => Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as Answers);

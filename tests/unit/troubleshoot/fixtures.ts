// The committed lab logs and what each side's log shows (tests/lab/results/logs/expected.json for
// charon, expected-pluto.json for libreswan's pluto).
import { readFileSync } from 'node:fs';

export const LOG_DIR = 'tests/lab/results/logs';

export interface SideExpectation {
  outcome: string;
  causes: string[];
}
interface Expected {
  cases: Record<string, { fault: string; initiator: SideExpectation; responder: SideExpectation }>;
}

export const EXPECTED: Expected = JSON.parse(readFileSync(`${LOG_DIR}/expected.json`, 'utf8'));
export const EXPECTED_PLUTO: Expected = JSON.parse(readFileSync(`${LOG_DIR}/expected-pluto.json`, 'utf8'));

export interface Fixture {
  name: string;
  case: string;
  side: 'initiator' | 'responder';
  daemon: 'charon' | 'pluto';
  file: string;
  text: string;
  expected: SideExpectation;
}

// charon: two log levels per side (<side>.log, <side>-debug.log); pluto: its file log (<side>.log)
const collect = (expected: Expected, daemon: Fixture['daemon'], levels: string[]): Fixture[] =>
  Object.entries(expected.cases).flatMap(([name, c]) =>
    (['initiator', 'responder'] as const).flatMap((side) =>
      levels.map((level) => {
        const file = `${LOG_DIR}/${name}/${side}${level}.log`;
        return { name: `${name}/${side}${level}`, case: name, side, daemon, file, text: readFileSync(file, 'utf8'), expected: c[side] };
      }),
    ),
  );

export const FIXTURES: Fixture[] = [...collect(EXPECTED, 'charon', ['', '-debug']), ...collect(EXPECTED_PLUTO, 'pluto', [''])];

export const fixture = (name: string): Fixture => FIXTURES.find((f) => f.name === name)!;

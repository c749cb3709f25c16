// The committed lab logs and what each side's log shows (tests/lab/results/logs/expected.json).
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

export interface Fixture {
  name: string;
  case: string;
  side: 'initiator' | 'responder';
  file: string;
  text: string;
  expected: SideExpectation;
}

export const FIXTURES: Fixture[] = Object.entries(EXPECTED.cases).flatMap(([name, c]) =>
  (['initiator', 'responder'] as const).flatMap((side) =>
    ['', '-debug'].map((level) => {
      const file = `${LOG_DIR}/${name}/${side}${level}.log`;
      return { name: `${name}/${side}${level}`, case: name, side, file, text: readFileSync(file, 'utf8'), expected: c[side] };
    }),
  ),
);

export const fixture = (name: string): Fixture => FIXTURES.find((f) => f.name === name)!;

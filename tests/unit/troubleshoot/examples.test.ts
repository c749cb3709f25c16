import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { diagnoseLog, EXAMPLES } from '../../../src/lib/troubleshoot';
import { EXPECTED, LOG_DIR } from './fixtures';

test.each(EXAMPLES.map((e) => [e.id, e] as const))('example %s is an excerpt of its lab log and diagnoses like it', (_, e) => {
  const source = readFileSync(`${LOG_DIR}/${e.source}`, 'utf8').split('\n');
  let at = 0;
  for (const line of e.log.split('\n')) {
    at = source.indexOf(line, at) + 1;
    expect(at, line).toBeGreaterThan(0);
  }
  const [name, file] = e.source.split('/') as [string, string];
  const side = file.startsWith('initiator') ? 'initiator' : 'responder';
  expect(diagnoseLog(e.log).causes.map((c) => c.id)).toEqual(EXPECTED.cases[name]![side].causes);
});

// The "Download all" archive, read back by Python's zipfile (an independent, maintained reader):
// names, contents and each entry's CRC (testzip) must match what went in.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildConfig, crc32, DEFAULT_CONFIG_STATE, zipStore } from '../../../src/lib/config';

/** Python's reading of the archive: { names, texts, bad } or its error message. */
function pythonReads(zip: Uint8Array): { names: string[]; texts: string[]; bad: string | null } | { error: string } {
  const script = [
    'import io, json, sys, zipfile',
    'data = sys.stdin.buffer.read()',
    'try:',
    '    z = zipfile.ZipFile(io.BytesIO(data))',
    '    print(json.dumps({"names": z.namelist(), "texts": [z.read(n).decode() for n in z.namelist()], "bad": z.testzip()}))',
    'except Exception as e:',
    '    print(json.dumps({"error": str(e)}))',
  ].join('\n');
  const run = spawnSync('python3', ['-c', script], { input: zip });
  expect(run.status, run.stderr.toString()).toBe(0);
  return JSON.parse(run.stdout.toString());
}

describe('store-only ZIP writer', () => {
  it('computes CRC-32 check values (ITU-T V.42; "123456789" -> CBF43926, RFC 1952 §8 algorithm)', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('writes the builder\'s files so that Python\'s zipfile reads them back exactly', () => {
    const files = buildConfig(DEFAULT_CONFIG_STATE).files;
    expect(pythonReads(zipStore(files))).toEqual({ names: files.map((f) => f.name), texts: files.map((f) => f.text), bad: null });
  });

  it('zipfile notices a damaged archive (the check can fail)', () => {
    const zip = zipStore([{ name: 'a.txt', text: 'hello' }]);
    zip[30 + 5] = zip[30 + 5]! ^ 0xff; // first byte of a.txt's data: the stored CRC no longer matches
    expect(pythonReads(zip)).toEqual({ error: "Bad CRC-32 for file 'a.txt'" });
  });

  it('keeps UTF-8 names, empty files and CRLF line ends', () => {
    const files = [
      { name: 'grüße-vpn.mobileconfig', text: '<string>Büro & Zuhause</string>\n' },
      { name: 'empty.txt', text: '' },
      { name: 'win.ps1', text: 'line one\r\nline two ✓\r\n' },
    ];
    expect(pythonReads(zipStore(files))).toEqual({ names: files.map((f) => f.name), texts: files.map((f) => f.text), bad: null });
  });
});

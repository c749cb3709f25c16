/**
 * The troubleshooter's view helpers (src/lib/troubleshoot/view.ts). The Windows codes and their
 * constants are Microsoft's (Routing and Remote Access error codes, cited per row in
 * src/lib/troubleshoot/windows.ts); the rest is this page's wording, as literals.
 */
import { describe, expect, it } from 'vitest';
import { diagnosisMeta, lineCount, lookupWindowsCode, stepText, type Diagnosis, type Step } from '../../../src/lib/troubleshoot';

describe('lookupWindowsCode', () => {
  it('an empty field is no code and no error', () => {
    expect(lookupWindowsCode('')).toEqual({});
    expect(lookupWindowsCode('  ')).toEqual({});
  });

  it('a known code gives its row (809: ERROR_VPN_TIMEOUT)', () => {
    const { row, error } = lookupWindowsCode(' 809 ');
    expect(error).toBeUndefined();
    expect([row?.code, row?.constant]).toEqual([809, 'ERROR_VPN_TIMEOUT']);
  });

  it('text and unknown numbers are errors at the field, never a throw', () => {
    expect(lookupWindowsCode('abc').error).toBe('“abc” is not an error number; type the digits only, e.g. 809.');
    expect(lookupWindowsCode('123').error).toMatch(/^Error 123 is not one this page explains; it knows 809, /);
    expect(lookupWindowsCode('123').row).toBeUndefined();
  });
});

describe('wording', () => {
  it('line counts', () => {
    expect([lineCount(0), lineCount(1), lineCount(2), lineCount(12345)]).toEqual(['0 lines', '1 line', '2 lines', '12,345 lines']);
  });

  it('the sentence under the verdict, with and without the peers', () => {
    const d = { lineCount: 40, recognized: 1, role: 'initiator', local: '192.0.2.10', remote: '203.0.113.5' } as Diagnosis;
    expect(diagnosisMeta(d)).toBe('Read 40 lines, 1 line from an IKE daemon; this host was the initiator (192.0.2.10 to 203.0.113.5).');
    expect(diagnosisMeta({ lineCount: 1, recognized: 0 } as Diagnosis)).toBe('Read 1 line, 0 lines from an IKE daemon.');
  });

  it('each exchange of the log', () => {
    const sent: Step = { n: 7, direction: 'out', exchange: 'IKE_SA_INIT', kind: 'request', messageId: 0, payloads: 'SA KE No', bytes: 1092, remotePort: 500, retransmits: 2, answered: false };
    expect(stepText(sent)).toBe('Line 7: sent IKE_SA_INIT request 0, 1092 bytes, port 500, retransmitted 2×, not answered');
    expect(stepText({ ...sent, retransmits: 0, answered: true })).toBe('Line 7: sent IKE_SA_INIT request 0, 1092 bytes, port 500, answered');
    const received: Step = { n: 9, direction: 'in', exchange: 'IKE_AUTH', kind: 'response', messageId: 1, payloads: 'IDr AUTH', retransmits: 0, answered: false };
    expect(stepText(received)).toBe('Line 9: received IKE_AUTH response 1');
  });
});

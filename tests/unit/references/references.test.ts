import { describe, expect, it } from 'vitest';
import { resolveCitation } from '../../../src/lib/citations/links';
import { references } from '../../../src/lib/references';

describe('resolveCitation', () => {
  it.each([
    // [citation as written, label, href]
    ['RFC 7296', 'RFC 7296', 'https://www.rfc-editor.org/rfc/rfc7296'],
    ['RFC 7296 §2.23', 'RFC 7296 §2.23', 'https://www.rfc-editor.org/rfc/rfc7296#section-2.23'],
    ['rfc7296 § 1.2', 'RFC 7296 §1.2', 'https://www.rfc-editor.org/rfc/rfc7296#section-1.2'],
    ['RFC 4303 §Appendix A', 'RFC 4303 §Appendix A', 'https://www.rfc-editor.org/rfc/rfc4303#appendix-A'],
    ['strongswan-windows-clients', 'strongSwan documentation: Windows Clients', 'https://docs.strongswan.org/docs/latest/interop/windowsClients.html'],
    ['hwdsl2-clients §Windows error 809', 'setup-ipsec-vpn: Configure IPsec/L2TP VPN Clients §Windows error 809', 'https://github.com/hwdsl2/setup-ipsec-vpn/blob/master/docs/clients.md'],
  ])('%s', (text, label, href) => {
    const citation = resolveCitation(text);
    expect(citation?.href).toBe(href);
    expect(citation?.label).toBe(label);
  });

  it.each(['RFC 99999', 'no-such-document', '', '§2.1', 'RFC 7296 §'])('refuses %j', (text) => {
    expect(resolveCitation(text)).toBeUndefined();
  });
});

describe('the reference list', () => {
  it('has unique ids', () => {
    const ids = references.map((r) => r.id.toLowerCase());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(references.map((r) => [r.id, r] as const))('%s can be cited by its id', (id, ref) => {
    expect(resolveCitation(id)?.reference).toBe(ref);
  });

  it.each(references.map((r) => [r.id, r] as const))('%s has an https URL and a title', (_, ref) => {
    expect(ref.url).toMatch(/^https:\/\/[^\s]+$/);
    expect(ref.title.length).toBeGreaterThan(3);
    if (ref.kind === 'rfc') expect(ref.url).toBe(`https://www.rfc-editor.org/rfc/rfc${ref.id.slice(4)}`);
  });
});

describe('no document is listed twice', () => {
  // A duplicate under another id shows up twice on the References page and splits citations.
  it.each([
    // RFC 7296 reissued RFC 5996 under the same title, so a title counts together with its date.
    ['title', (r: (typeof references)[number]) => `${r.title.trim().toLowerCase()} ${r.date ?? ''}`],
    ['URL', (r: (typeof references)[number]) => r.url.replace(/\/+$/, '').toLowerCase()],
  ] as const)('no two entries share a %s', (_, key) => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const ref of references) {
      const k = key(ref);
      const first = seen.get(k);
      if (first) duplicates.push(`${first} = ${ref.id}`);
      else seen.set(k, ref.id);
    }
    expect(duplicates).toEqual([]);
  });
});

// Without JavaScript the site follows prefers-color-scheme with a copy of Starlight's light-mode
// colours (src/styles/site.css). This keeps the copy equal to the Starlight version installed:
// node_modules/@astrojs/starlight/dist/style/props.css, block `:root[data-theme='light']`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const props = readFileSync(new URL('../../../node_modules/@astrojs/starlight/dist/style/props.css', import.meta.url), 'utf8');
const site = readFileSync(new URL('../../../src/styles/site.css', import.meta.url), 'utf8');

/** The custom properties declared in the first rule block after `marker`, name -> value. */
function declarations(css: string, marker: string): Map<string, string> {
  const start = css.indexOf(marker);
  if (start === -1) throw new Error(`no ${marker}`);
  const open = css.indexOf('{', start + marker.length);
  const close = css.indexOf('}', open);
  const body = css.slice(open + 1, close).replace(/\/\*[\s\S]*?\*\//g, '');
  return new Map([...body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.replace(/\s+/g, ' ').trim()]));
}

describe('no-JavaScript light theme', () => {
  it('declares exactly Starlight’s light-mode colours', () => {
    const starlight = declarations(props, ":root[data-theme='light'],");
    const copy = declarations(site, '@media (scripting: none) and (prefers-color-scheme: light)');
    expect(starlight.size).toBeGreaterThan(30);
    expect(Object.fromEntries(copy)).toEqual(Object.fromEntries(starlight));
  });

  it('switches the browser’s own controls to light too', () => {
    const block = site.slice(site.indexOf('@media (scripting: none) and (prefers-color-scheme: light)'));
    expect(block.slice(0, block.indexOf('}'))).toContain('color-scheme: light;');
  });
});

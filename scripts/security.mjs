// The site's Content Security Policy and the other security headers, in one place.
//
// Astro's `security.csp` writes the policy into a <meta> tag on every page, hashing the scripts
// and styles it bundles or inlines. `securityHeaders()` is an integration that, after the build,
// reads that policy back from the pages and writes it as real headers to `_headers` (the format
// static hosts such as Netlify and Cloudflare Pages read), adding what a <meta> policy cannot
// carry (`frame-ancestors`). `npm start`'s server (static-server.mjs) sends what that file says.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Starlight renders a few `<script is:inline>` blocks (theme before first paint, sidebar state)
 * that Astro does not hash (withastro/astro#16678). Hash them from Starlight's own source so an
 * upgrade that changes them updates the policy instead of breaking the theme switch.
 */
const STARLIGHT_INLINE_SCRIPTS = [
  'components/ThemeProvider.astro',
  'components/ThemeSelect.astro',
  'components/SidebarPersister.astro',
  'user-components/Tabs.astro',
];

export function starlightInlineScriptHashes() {
  const dist = dirname(fileURLToPath(import.meta.resolve('@astrojs/starlight')));
  return STARLIGHT_INLINE_SCRIPTS.flatMap((file) => {
    const source = readFileSync(join(dist, file), 'utf8');
    const bodies = [...source.matchAll(/<script is:inline[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    if (bodies.length === 0) throw new Error(`No inline script left in Starlight's ${file}: update scripts/security.mjs.`);
    return bodies.map((body) => `sha256-${createHash('sha256').update(body).digest('base64')}`);
  });
}

/**
 * `security.csp` for astro.config.mjs.
 * @type {NonNullable<import('astro').AstroUserConfig['security']>['csp']}
 */
export const csp = {
  algorithm: 'SHA-256',
  directives: [
    "default-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ],
  scriptDirective: {
    // Pagefind compiles its search engine from WebAssembly; nothing else needs more than 'self'.
    resources: ["'self'", "'wasm-unsafe-eval'", { resource: "'none'", kind: 'attribute' }],
    hashes: starlightInlineScriptHashes(),
  },
  styleDirective: {
    // <style> elements and stylesheets are 'self' or hashed. Style *attributes* are allowed:
    // Expressive Code colours every token with one (thousands per page), Starlight sets
    // --depth on sidebar entries and --sl-icon-size on icons. A style attribute runs no code
    // and can fetch only what img-src/font-src allow ('self').
    resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }],
  },
};

/** Headers every response carries besides the policy (Permissions-Policy: features the site never uses). */
export const EXTRA_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': [
    'accelerometer', 'autoplay', 'bluetooth', 'camera', 'display-capture', 'encrypted-media',
    'fullscreen', 'gamepad', 'geolocation', 'gyroscope', 'hid', 'idle-detection', 'local-fonts',
    'magnetometer', 'microphone', 'midi', 'payment', 'picture-in-picture', 'publickey-credentials-get',
    'screen-wake-lock', 'serial', 'usb', 'web-share', 'xr-spatial-tracking', 'browsing-topics',
  ].map((feature) => `${feature}=()`).join(', '),
};

const META = /<meta http-equiv="content-security-policy" content="([^"]+)"/i;

function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Parses "a x y; b z;" into an ordered map of directive -> sources. */
function parsePolicy(text) {
  return new Map(
    text
      .replaceAll('&#39;', "'")
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

/**
 * The headers for a built site. Pages differ only in the hashes of their own inline styles, so
 * the header policy is the pages' policies merged (each directive's sources united); the <meta>
 * policy on each page stays the narrower one, and a browser enforces both.
 */
export function headersFor(dir) {
  const merged = new Map();
  for (const file of htmlFiles(dir)) {
    const match = META.exec(readFileSync(file, 'utf8'));
    if (!match) throw new Error(`${file} has no Content-Security-Policy <meta> tag.`);
    for (const [name, sources] of parsePolicy(match[1])) {
      merged.set(name, [...new Set([...(merged.get(name) ?? []), ...sources])]);
    }
  }
  merged.set('frame-ancestors', ["'none'"]);
  const policy = [...merged].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
  return { 'Content-Security-Policy': policy, ...EXTRA_HEADERS };
}

/** Astro integration: writes `_headers` into the build output. */
export function securityHeaders() {
  return {
    name: 'security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const headers = headersFor(root);
        const lines = Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);
        writeFileSync(join(root, '_headers'), `/*\n${lines.join('\n')}\n`);
        logger.info('wrote _headers (Content-Security-Policy and security headers)');
      },
    },
  };
}

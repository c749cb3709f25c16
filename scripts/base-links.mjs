// Markdown links are written from the site root ("/guide/ikev2/"); this Sätteri mdast plugin
// prefixes the configured base path so the same content works when the site is served from a
// sub-path (BASE_PATH=/vpn-guide/). Protocol-relative links and links that already carry the
// base are left alone.

/** @param {string} base  e.g. '/' or '/vpn-guide/' */
export function baseLinksPlugin(base) {
  const prefix = base.replace(/\/$/, '');
  /** @param {{ url: string }} node @param {{ setProperty(node: object, key: string, value: string): void }} ctx */
  const prefixUrl = (node, ctx) => {
    const { url } = node;
    if (url.startsWith('/') && !url.startsWith('//') && !url.startsWith(`${prefix}/`)) {
      ctx.setProperty(node, 'url', prefix + url);
    }
  };
  return prefix ? { name: 'base-links', link: prefixUrl, definition: prefixUrl } : null;
}

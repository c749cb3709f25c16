// Links in content are written from the site root ("/guide/ikev2/"); this Sätteri mdast plugin
// prefixes the configured base path so the same content works when the site is served from a
// sub-path (BASE_PATH=/vpn-guide/). It covers Markdown links and definitions, and the `href`
// attribute of components in MDX (e.g. <LinkCard href="/guide/faq/" />). Protocol-relative
// links and links that already carry the base are left alone.

/** @param {string} base  e.g. '/' or '/vpn-guide/' */
export function baseLinksPlugin(base) {
  const prefix = base.replace(/\/$/, '');
  /** @param {unknown} url */
  const needsPrefix = (url) =>
    typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') && !url.startsWith(`${prefix}/`);

  /** @param {{ url: string }} node @param {{ setProperty(node: object, key: string, value: unknown): void }} ctx */
  const prefixUrl = (node, ctx) => {
    if (needsPrefix(node.url)) ctx.setProperty(node, 'url', prefix + node.url);
  };
  /** @param {{ attributes: { type: string, name?: string, value?: unknown }[] }} node @param {{ replaceNode(node: object, replacement: object): void }} ctx */
  const prefixHrefAttribute = (node, ctx) => {
    const attributes = node.attributes.map((attribute) =>
      attribute.type === 'mdxJsxAttribute' && attribute.name === 'href' && needsPrefix(attribute.value)
        ? { ...attribute, value: prefix + attribute.value }
        : attribute,
    );
    // JSX attributes cannot be edited in place, so the element is replaced by a copy.
    if (attributes.some((attribute, i) => attribute !== node.attributes[i])) ctx.replaceNode(node, { ...node, attributes });
  };
  return prefix
    ? {
        name: 'base-links',
        link: prefixUrl,
        definition: prefixUrl,
        mdxJsxFlowElement: prefixHrefAttribute,
        mdxJsxTextElement: prefixHrefAttribute,
      }
    : null;
}

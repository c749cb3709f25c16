// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import svelte from '@astrojs/svelte';
import { satteri } from '@astrojs/markdown-satteri';
import { baseLinksPlugin } from './scripts/base-links.mjs';
import { tableLabelsPlugin } from './scripts/table-labels.mjs';
import { csp, securityHeaders } from './scripts/security.mjs';

// Self-hosting knobs, all optional (see README "Self-hosting"):
//   BASE_PATH  serve the site under a sub-path, e.g. /vpn-guide/
//   SITE_URL   public origin used for canonical links and the sitemap
//   REPO_URL   repository web URL; turns on "Edit page" links (…/edit/main/<file>)
//   OUT_DIR    build output folder (default dist)
const base = process.env.BASE_PATH ?? '/';
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const repo = process.env.REPO_URL?.replace(/\/$/, '');

export default defineConfig({
  site,
  base,
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  // Every page carries a strict policy (scripts and styles 'self' or hashed); see scripts/security.mjs.
  security: { csp },
  // Stylesheets stay files ('self'): a small island stylesheet that Astro inlines is not always
  // among the hashes it writes into the policy (seen with the configuration builder's 3.3 kB).
  build: { inlineStylesheets: 'never' },
  server: { host: '127.0.0.1' },
  markdown: { processor: satteri({ mdastPlugins: [baseLinksPlugin(base)], hastPlugins: [tableLabelsPlugin()] }) },
  vite: {
    build: {
      rolldownOptions: {
        // Every MDX page triggers a harmless "use astro:head-inject" directive notice
        // (withastro/astro#18087); hide it so real warnings stay visible.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
  integrations: [
    starlight({
      title: 'IKEv2 vs L2TP/IPsec',
      description:
        'An accurate, cited guide to choosing and running IKEv2/IPsec or L2TP/IPsec VPNs, with exact MTU, handshake and firewall calculators.',
      favicon: '/favicon.svg',
      lastUpdated: true,
      ...(repo ? { editLink: { baseUrl: `${repo}/edit/main/` } } : {}),
      customCss: ['./src/styles/site.css'],
      // Long config lines wrap instead of scrolling: scrolling blocks become unnamed
      // role="region" landmarks (axe landmark-unique) and are awkward on phones.
      expressiveCode: { defaultProps: { wrap: true } },
      components: {
        Search: './src/components/site/Search.astro',
        MarkdownContent: './src/components/site/MarkdownContent.astro',
      },
      sidebar: [
        { label: 'Guide', items: [{ autogenerate: { directory: 'guide' } }] },
        { label: 'Tools', items: [{ autogenerate: { directory: 'tools' } }] },
        { label: 'Reference', items: [{ autogenerate: { directory: 'reference' } }] },
      ],
    }),
    svelte(),
    {
      // The full tool pages hydrate at the reader's first interaction (src/directives/interaction.ts).
      name: 'interaction-directive',
      hooks: {
        'astro:config:setup': ({ addClientDirective }) =>
          addClientDirective({ name: 'interaction', entrypoint: './src/directives/interaction.ts' }),
      },
    },
    securityHeaders(),
  ],
});

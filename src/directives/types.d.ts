// Lets .astro templates use the site's own hydration directive (src/directives/interaction.ts).
declare module 'astro' {
  interface AstroClientDirectives {
    'client:interaction'?: boolean;
  }
}
export {};

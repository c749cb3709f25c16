import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { resolveCitation } from './lib/citations/links';

/** Frontmatter the guide adds to Starlight's own. */
const guideFields = z.object({
  /**
   * What the page rests on, as citations: 'RFC 7296 §2.23' or an id from src/lib/references.ts.
   * Required on every doc-template page (chapters and tools); listed under the page.
   */
  sources: z
    .array(
      z.string().refine((text) => resolveCitation(text) !== undefined, {
        message: 'Unknown source: add it to src/lib/references.ts or fix the spelling',
      }),
    )
    .optional(),
  /** When a person last checked the page against its sources. Required with `sources`. */
  lastReviewed: z.coerce.date().optional(),
  /**
   * Words a reader may search for that the page's prose does not use but its tool does (preset,
   * option and command names): indexed for search, never shown.
   */
  searchKeywords: z.array(z.string()).optional(),
  /** Widen the content column (calculators) while prose keeps a readable measure. */
  wide: z.boolean().default(false),
});

export const collections = {
  docs: defineCollection({
    loader: docsLoader(),
    schema: (context) =>
      docsSchema({ extend: guideFields })(context).superRefine((page, ctx) => {
        // Splash pages (home, 404) are navigation, not claims; every other page must say
        // where its facts come from and when they were last checked.
        if (page.template !== 'doc') return;
        if (!page.sources?.length) {
          ctx.addIssue({ code: 'custom', path: ['sources'], message: 'A chapter needs at least one source' });
        }
        if (!page.lastReviewed) {
          ctx.addIssue({ code: 'custom', path: ['lastReviewed'], message: 'A chapter needs a lastReviewed date' });
        }
      }),
  }),
};

// Titles of the guide's chapters in this build, by path ('/guide/verdict/': 'The verdict'),
// for the islands' citation links: a chapter that is not built is named but not linked.
// Build time only (astro:content), passed to the islands as a prop.
import { getCollection } from 'astro:content';

export async function chapterTitles(): Promise<Record<string, string>> {
  const entries = await getCollection('docs', (entry) => entry.id.startsWith('guide/'));
  return Object.fromEntries(entries.map((entry) => [`/${entry.id.replace(/\/index$/, '')}/`, entry.data.title]));
}

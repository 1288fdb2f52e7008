import type { ExtractedFile } from '../model.js';
import { extractLinks } from './extract-links.js';
import { findJekyllSite } from './jekyll-site.js';
import { readPostSource } from './read-source.js';

/** Read a post, find the Jekyll site above it (if any) and extract its links; the text read comes back too. */
export async function extractPost(path: string, options: { baseUrl?: string } = {}): Promise<{ file: ExtractedFile; source: string }> {
  const source = await readPostSource(path);
  const site = await findJekyllSite(path);
  const file = extractLinks(source, {
    path,
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    ...(site ? { site } : {}),
  });
  return { file, source };
}

/** Read a post, find the Jekyll site above it (if any) and extract its links. */
export async function extractFile(path: string, options: { baseUrl?: string } = {}): Promise<ExtractedFile> {
  return (await extractPost(path, options)).file;
}

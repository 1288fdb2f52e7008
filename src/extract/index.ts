/** The extract stage: Markdown → every link with its exact place, plus the post's title and date. */
export { extractLinks, type ExtractOptions } from './extract-links.js';
export { extractFile, extractPost } from './extract-file.js';
export { DEFAULT_MAX_FILE_BYTES, readPostSource } from './read-source.js';
export { DEFAULT_MAX_LINKS_PER_FILE } from './link-budget.js';
export { findMarkdownFiles, MARKDOWN_EXTENSIONS, SKIPPED_DIRECTORIES, type FoundFiles } from './find-files.js';
export { findJekyllSite, type JekyllSite } from './jekyll-site.js';

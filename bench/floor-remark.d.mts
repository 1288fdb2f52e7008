/** Types of bench/floor-remark.mjs, for its TypeScript test. */

/** The text cut into pieces of at least 16 KB at blank lines before a line in column 1, never inside fenced code. */
export function pieces(text: string): string[];

import { MANIFEST } from './util/package-root.js';

/** The package version, from linkrot's package.json (found from wherever this code runs: src/, dist/ or the CLI bundle). */
export const VERSION: string = MANIFEST.version;

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const manifest = require('../package.json') as { version: string };

/** The package version, read from package.json (one level above both `src/` and `dist/`). */
export const VERSION: string = manifest.version;

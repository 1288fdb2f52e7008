import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LinkrotError } from '../errors.js';

/** The fields of linkrot's own package.json that the code reads. */
export interface PackageManifest {
  name: string;
  version: string;
  bugs?: { url?: string };
}

const PACKAGE_NAME = 'linkrot';

/**
 * Walk up from `from` to the folder whose package.json is linkrot's. This module runs from three layouts:
 * `src/util/` (tests), `dist/util/` (the library, compiled by tsc) and `dist/cli/linkrot.cjs` (the bundled CLI, where
 * every module's `import.meta.url` is the bundle's). Counting `../` would be right in each only by luck.
 */
function findPackage(from: string): { root: string; manifest: PackageManifest } {
  for (let folder = from; ; folder = dirname(folder)) {
    const manifest = readManifest(join(folder, 'package.json'));
    if (manifest?.name === PACKAGE_NAME) return { root: folder, manifest };
    if (dirname(folder) === folder) throw new LinkrotError('LINKROT_INTERNAL', `linkrot's package.json not found in or above ${from}`);
  }
}

function readManifest(file: string): PackageManifest | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PackageManifest;
  } catch {
    return undefined;
  }
}

const found = findPackage(dirname(fileURLToPath(import.meta.url)));

/** The installed package's root folder: it holds `package.json` and `schema/`. */
export const PACKAGE_ROOT: string = found.root;

/** linkrot's package.json, read once. */
export const MANIFEST: PackageManifest = found.manifest;

/** An absolute path to a file shipped with the package, e.g. `packageFile('schema', 'report.schema.json')`. */
export function packageFile(...segments: string[]): string {
  return join(PACKAGE_ROOT, ...segments);
}

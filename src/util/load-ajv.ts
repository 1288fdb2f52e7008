import { createRequire } from 'node:module';
import type { Ajv } from 'ajv';
import { packageFile } from './package-root.js';

/** Resolves packages as linkrot's own package.json does, from src/, dist/ and the CLI bundle alike. */
const requireFromPackage = createRequire(packageFile('package.json'));

/**
 * The ajv class, loaded on first use: only a config file, `merge` and the library's `validateReport` need it, and
 * loading it is a large part of a start-up. It is a synchronous CommonJS `require` (so `validateReport` stays
 * synchronous), which the CLI bundle leaves as is: ajv is read from node_modules when, and only when, it is needed.
 */
export function loadAjv(): typeof Ajv {
  return (requireFromPackage('ajv') as typeof import('ajv')).Ajv;
}

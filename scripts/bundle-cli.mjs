// Bundle the CLI into one ESM file, dist/cli/main.js (over the file tsc wrote there), so that `linkrot` starts by
// reading one file instead of resolving and loading several hundred small modules (micromark alone is ~100
// packages). The library (dist/index.js and its .d.ts) stays tsc's unbundled output. Run after `tsc`, from
// `npm run build`.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// CommonJS dependencies (undici) `require` Node's builtins; an ESM bundle has no `require` of its own, so give it one.
// The name is one no bundled module declares at its top level (esbuild does not see banner text when it renames).
const REQUIRE_BANNER = [
  "import { createRequire as __linkrotCreateRequire } from 'node:module';",
  'const require = __linkrotCreateRequire(import.meta.url);',
].join('\n');

const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: REQUIRE_BANNER },
  // Not minified: the stack trace that `--debug` prints for an internal error should stay readable as it is.
  minify: false,
  // A small map (no copy of the sources) for `node --enable-source-maps dist/cli/main.js`.
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
});

const output = result.metafile.outputs['dist/cli/main.js'];
const inputs = Object.keys(result.metafile.inputs).length;
process.stdout.write(`bundled dist/cli/main.js: ${inputs} modules, ${Math.round((output?.bytes ?? 0) / 1024)} KiB\n`);

// Bundle the CLI into one file, dist/cli/linkrot.cjs, so that `linkrot` starts by reading one file instead of
// resolving and loading several hundred small modules (micromark alone is ~100 packages). The `linkrot` command,
// dist/cli/main.js (src/cli/main.ts, bundled below), runs it with V8's code cache, which Node 20 gives only to
// CommonJS (src/cli/code-cache.ts): so this bundle is CommonJS, and its first line names its content, which names
// its caches. The extraction thread's script, dist/pipeline/extract-worker.js, is bundled as an ES module: it
// starts while the first posts wait for it. The library (dist/index.js and its .d.ts) stays tsc's unbundled
// output. Run after `tsc`, from `npm run build`.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import http2 from 'node:http2';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// CommonJS dependencies (undici) `require` Node's builtins; an ESM bundle has no `require` of its own, so give it one.
// The name is one no bundled module declares at its top level (esbuild does not see banner text when it renames).
const REQUIRE_BANNER = [
  "import { createRequire as __linkrotCreateRequire } from 'node:module';",
  'const require = __linkrotCreateRequire(import.meta.url);',
].join('\n');

// linkrot uses htmlparser2's Parser and Tokenizer only; its index also sets up domhandler, domutils, dom-serializer
// and a second copy of entities (about 20 ms of every start). Its `exports` field allows no deeper import, so the
// bundle resolves linkrot's own imports of it to a module that re-exports just those two files.
const HTMLPARSER2_DIR = path.join(root, 'node_modules', 'htmlparser2', 'dist', 'esm');
const htmlparser2Parts = {
  name: 'htmlparser2-parts',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^htmlparser2$/ }, (args) =>
      args.importer.startsWith(path.join(root, 'src')) ? { path: 'htmlparser2-parts', namespace: 'htmlparser2-parts' } : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'htmlparser2-parts' }, () => ({
      contents: [
        `export { Parser } from ${JSON.stringify(path.join(HTMLPARSER2_DIR, 'Parser.js'))};`,
        `export { default as Tokenizer, QuoteType } from ${JSON.stringify(path.join(HTMLPARSER2_DIR, 'Tokenizer.js'))};`,
      ].join('\n'),
      resolveDir: HTMLPARSER2_DIR,
    }));
  },
};

// undici's HTTP/2 client loads node:http2 as undici loads (about 7 ms and 0.8 MB of every `check`), for the
// constants it reads at once and for `connect`, which linkrot never calls: its agent has `allowH2: false`. The
// bundle gives that one module a stand-in with the same constants, taken from node:http2 here at build time, and a
// `connect` that loads the real module should it ever be called.
const UNDICI_H2_CLIENT = path.join(root, 'node_modules', 'undici', 'lib', 'dispatcher', 'client-h2.js');
const lazyHttp2 = {
  name: 'lazy-http2',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^node:http2$/ }, (args) =>
      args.importer === UNDICI_H2_CLIENT ? { path: 'lazy-http2', namespace: 'lazy-http2' } : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'lazy-http2' }, () => ({
      contents: [
        `export const constants = Object.freeze(${JSON.stringify(http2.constants)});`,
        "export function connect(...args) { return process.getBuiltinModule('node:http2').connect(...args); }",
      ].join('\n'),
      loader: 'js',
    }));
  },
};

// The bundle's first line, its id filled in once the rest is written (same length: the source map stays right).
const BUNDLE_ID_PLACEHOLDER = '0'.repeat(16);
const BUNDLE_ID_LINE = '// linkrot bundle ';
// `import.meta.url` in CommonJS: the bundle's own URL (package-root.ts finds the package from it). Injected as a
// module of the bundle rather than a banner: a statement before "use strict" would leave the bundle sloppy.
const metaUrl = {
  name: 'meta-url',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^linkrot-meta-url$/ }, () => ({ path: 'linkrot-meta-url', namespace: 'linkrot-meta-url' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'linkrot-meta-url' }, () => ({
      contents: "export const __linkrotBundleUrl = require('node:url').pathToFileURL(__filename).href;",
      loader: 'js',
    }));
  },
};

const common = {
  absWorkingDir: root,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Not minified: the stack trace that `--debug` prints for an internal error should stay readable as it is.
  minify: false,
  // A small map (no copy of the sources) for `node --enable-source-maps dist/cli/main.js`.
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'eof',
  metafile: true,
  plugins: [htmlparser2Parts, lazyHttp2],
  logLevel: 'warning',
};

const cli = await build({
  ...common,
  entryPoints: { 'cli/linkrot': 'src/cli/entry.ts' },
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  define: { 'import.meta.url': '__linkrotBundleUrl' },
  inject: ['linkrot-meta-url'],
  plugins: [...common.plugins, metaUrl],
  banner: { js: `${BUNDLE_ID_LINE}${BUNDLE_ID_PLACEHOLDER}` },
});
// The `linkrot` command itself, over tsc's dist/cli/main.js: the loader and the two small modules it uses, one file
// (each ES module more is a few milliseconds of every start).
const command = await build({
  ...common,
  entryPoints: { 'cli/main': 'src/cli/main.ts' },
  format: 'esm',
  plugins: [],
});
// One self-contained file per thread: the extraction thread reads its own.
const worker = await build({
  ...common,
  entryPoints: { 'pipeline/extract-worker': 'src/pipeline/extract-worker.ts' },
  format: 'esm',
  banner: { js: REQUIRE_BANNER },
});

for (const [file, result] of [['dist/cli/main.js', command], ['dist/cli/linkrot.cjs', cli], ['dist/pipeline/extract-worker.js', worker]]) {
  asciiOnly(path.join(root, file));
  const output = result.metafile.outputs[file];
  const inputs = Object.keys(output?.inputs ?? {}).length;
  process.stdout.write(`bundled ${file}: ${inputs} modules, ${Math.round((output?.bytes ?? 0) / 1024)} KiB\n`);
}
nameBundle(path.join(root, 'dist/cli/linkrot.cjs'));

/** Write the bundle's id (16 hex digits of the SHA-256 of its content) into its first line. */
function nameBundle(file) {
  const text = readFileSync(file, 'latin1');
  const placeholder = `${BUNDLE_ID_LINE}${BUNDLE_ID_PLACEHOLDER}\n`;
  if (!text.startsWith(placeholder)) throw new Error(`${file} does not start with its id line`);
  const id = createHash('sha256').update(text).digest('hex').slice(0, BUNDLE_ID_PLACEHOLDER.length);
  writeFileSync(file, `${BUNDLE_ID_LINE}${id}\n${text.slice(placeholder.length)}`, 'latin1');
}

/**
 * esbuild escapes every non-ASCII character of the code, but not of the comments it keeps (a few dozen
 * apostrophes in micromark's). One is enough to make Node decode the whole file into a two-byte string, twice
 * the memory and slower to decode and parse: 5-8 ms of every start and 1.6 MB. Outside comments nothing is left
 * to escape, and inside one `\uXXXX` is as good as the character.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  // Per UTF-16 unit, as `\uXXXX`: the one escape that means the same in a string, a template, an identifier and a
  // regular expression with or without the `u` flag, should esbuild ever leave a character there.
  const ascii = text.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(file, ascii);
}

import { CODE_CACHE_DIR } from '../src/cli/code-cache.js';
import { describe, expect, it } from 'vitest';
import * as linkrot from '../src/index.js';

describe('the public API', () => {
  it('exports exactly the chosen names', () => {
    expect(Object.keys(linkrot).sort()).toEqual(
      [
        'DEFAULT_CHECK_SETTINGS',
        'LinkrotError',
        'REASONS_BY_STATE',
        'SCHEMA_VERSION',
        'STATES',
        'STATE_ORDER',
        'STATE_PRESENTATION',
        'VERSION',
        'checkExtracted',
        'checkFiles',
        'createDispatcher',
        'extractFile',
        'extractLinks',
        'findMarkdownFiles',
        'loadConfig',
        'mergeReports',
        'openCache',
        'renderGithub',
        'renderHtml',
        'renderJson',
        'renderMarkdown',
        'renderText',
        'validateReport',
      ].sort(),
    );
  });

  it('the package manifest points at the built entry points', async () => {
    const { readFile } = await import('node:fs/promises');
    const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
      bin: Record<string, string>;
      exports: Record<string, unknown>;
      files: string[];
      engines: { node: string };
      type: string;
    };
    expect(manifest.type).toBe('module');
    expect(manifest.bin.linkrot).toBe('dist/cli/main.js');
    expect(manifest.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/index.js' });
    expect(manifest.files).toEqual(expect.arrayContaining(['dist', 'schema']));
    // The code caches a local run made (src/cli/code-cache.ts) are this machine's, never part of the package.
    expect(manifest.files).toContain(`!dist/cli/${CODE_CACHE_DIR}`);
    expect(manifest.engines.node).toBe('>=20.18.1');
  });
});

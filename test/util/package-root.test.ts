import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, BUNDLE, REPO } from '../cli/run-cli.js';
import { MANIFEST, PACKAGE_ROOT, packageFile } from '../../src/util/package-root.js';
import { VERSION } from '../../src/version.js';

const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };

describe('the package root', () => {
  it('is the repository, found from src/util/', () => {
    expect(PACKAGE_ROOT).toBe(REPO.replace(/\/$/, ''));
    expect(MANIFEST.name).toBe('linkrot');
    expect(VERSION).toBe(manifest.version);
    expect(existsSync(packageFile('schema', 'report.schema.json'))).toBe(true);
  });
});

/**
 * The bundled CLI moved to a folder of another depth inside a package laid out as an install would be: it must still
 * find package.json and schema/ (it would not if it counted `../` from its own file) and load ajv on demand.
 */
describe('the CLI bundle, moved', () => {
  const root = mkdtempSync(join(tmpdir(), 'linkrot-bundle-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'lib', 'a', 'b'), { recursive: true });
  copyFileSync(join(REPO, 'package.json'), join(root, 'package.json'));
  symlinkSync(join(REPO, 'schema'), join(root, 'schema'));
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
  // The command and the bundle it runs, which it finds beside itself.
  const bin = join(root, 'lib', 'a', 'b', 'linkrot.js');
  copyFileSync(BIN, bin);
  copyFileSync(BUNDLE, join(root, 'lib', 'a', 'b', 'linkrot.cjs'));
  const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1' }, timeout: 20_000 });

  it('is two files: the command imports nothing of linkrot but the bundle it runs', () => {
    const code = readFileSync(BIN, 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\/\*|\*|\/\/)/.test(line)); // the bundled packages' JSDoc mentions import('./…')
    expect(code.filter((line) => /^import .* from ['"]\.\.?\//.test(line) || /\bimport\(['"]\.\.?\//.test(line))).toEqual([]);
    const imported = code.flatMap((line) => /^import .* from ['"]([^'"]+)['"]/.exec(line)?.[1] ?? []);
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.filter((name) => !builtinModules.includes(name.replace(/^node:/, '')))).toEqual([]);
    // The bundle requires Node's own modules; beyond them, only ajv (loaded on demand from node_modules), a package
    // a bundled one probes for (picomatch, in a try) and undici's SQLite cache store (Node 22's node:sqlite, unused).
    const required = [...readFileSync(BUNDLE, 'latin1').matchAll(/(?:\b|_)require\w*\("([^"]+)"\)/g)].map((match) => match[1]!);
    const beyondNode = new Set(required.filter((name) => !builtinModules.includes(name.replace(/^node:/, ''))));
    expect(beyondNode).toEqual(new Set(['ajv', 'picomatch', 'node:sqlite']));
  });

  it('prints the version from the package.json above it', () => {
    const result = run(['--version']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${manifest.version}\n`);
  });

  it('validates a config file against the shipped schema', () => {
    writeFileSync(join(root, 'post.md'), '# Post\n');
    writeFileSync(join(root, 'linkrot.config.json'), JSON.stringify({ concurency: 4 }));
    const result = run(['check', 'post.md']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^linkrot: Invalid config `linkrot\.config\.json`: .*concurency/);
  });

  it('validates a report given to merge against the shipped schema', () => {
    writeFileSync(join(root, 'part.json'), JSON.stringify({ schemaVersion: 1, files: 'none' }));
    const result = run(['merge', 'part.json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^linkrot: `part\.json` is not a linkrot JSON report: /);
  });
});

describe('the CLI bundle, started', () => {
  it('checks a post without loading node:http2 (undici gets a stand-in: linkrot never speaks HTTP/2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkrot-h2-'));
    try {
      writeFileSync(join(dir, 'post.md'), 'One [link](http://127.0.0.1:9/gone).\n');
      writeFileSync(
        join(dir, 'modules.cjs'),
        "process.on('exit', () => process.stderr.write('\\nMODULES ' + process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).join(',') + '\\n'));\n",
      );
      const result = spawnSync(
        process.execPath,
        ['-r', join(dir, 'modules.cjs'), BIN, 'check', join(dir, 'post.md'), '--allow-private', '--no-archive', '--retries', '0', '--format', 'json'],
        { encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1' }, timeout: 20_000 },
      );
      const modules = /MODULES (.*)/.exec(result.stderr)?.[1]?.split(',') ?? [];
      expect(modules).toContain('NativeModule net');
      expect(modules.filter((name) => name.includes('http2'))).toEqual([]);
      // The request was sent (nothing listens there: with one host refused, the run says "no network").
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/No network/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Tests that kill or race real processes need linkrot's modules as plain JavaScript in a child process. This
 * transpiles the named source files (TypeScript's own transpiler, keeping the folder layout so relative
 * imports resolve) into a temporary directory marked as an ES module package.
 */
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../', import.meta.url));

export async function transpileForChild(files: string[]): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'linkrot-child-'));
  await writeFile(join(out, 'package.json'), '{"type":"module"}\n');
  for (const file of files) {
    const source = await readFile(join(root, file), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    });
    const target = join(out, file.replace(/\.ts$/, '.js'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, outputText);
  }
  return out;
}

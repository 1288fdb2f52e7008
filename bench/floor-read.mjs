// The floor of `linkrot extract DIR` for bench/extract.mjs: start node and read every Markdown file of DIR (not
// recursive: the bench's folders are flat) as UTF-8, nothing parsed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '.';
let chars = 0;
for (const name of readdirSync(dir)) if (name.endsWith('.md')) chars += readFileSync(join(dir, name), 'utf8').length;
if (chars === 0) process.exitCode = 1;

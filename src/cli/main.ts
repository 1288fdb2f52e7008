#!/usr/bin/env node
/**
 * The `linkrot` command. The CLI itself is the bundle dist/cli/linkrot.cjs (entry.ts and everything it uses);
 * this file only runs it with V8's code cache (see code-cache.ts), and loads nothing else.
 */
import { fileURLToPath } from 'node:url';
import { runBundle } from './code-cache.js';
import { commandKind } from './command-kind.js';

runBundle(fileURLToPath(new URL('./linkrot.cjs', import.meta.url)), commandKind(process.argv.slice(2)), process.env);

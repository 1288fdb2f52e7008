/**
 * What kind of command a command line asks for, from its first word only (nothing else is parsed yet): `check`
 * (also the shorthand `linkrot <files…>`), `extract`, or `other` (merge, help, version). The start of the process
 * depends on it: the size of V8's young generation (young-generation.ts) and the code cache kept per kind
 * (code-cache.ts).
 */
export const COMMAND_KINDS = ['check', 'extract', 'other'] as const;
export type CommandKind = (typeof COMMAND_KINDS)[number];

const OTHER = new Set(['merge', 'help', '--help', '-h', '--version', '-V']);

export function commandKind(argv: readonly string[]): CommandKind {
  const first = argv[0] ?? 'help';
  if (first === 'extract') return 'extract';
  return OTHER.has(first) ? 'other' : 'check';
}

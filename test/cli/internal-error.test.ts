import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/cli/check-command.js', () => ({
  runCheck: () => {
    const value: { deep?: { field: string } } = {};
    return value.deep!.field; // a genuine TypeError, as a bug would throw
  },
}));

const { runCli } = await import('../../src/cli/run.js');

function capture(): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

describe('a bug in linkrot', () => {
  it('prints a short message and where to report it, without the stack', async () => {
    const out = capture();
    const err = capture();
    const code = await runCli(['check', 'post.md'], { stdout: out.stream, stderr: err.stream, env: {}, cwd: process.cwd() });
    expect(code).toBe(70);
    expect(out.text()).toBe('');
    const lines = err.text().trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^linkrot: internal error: Cannot read properties of undefined/);
    expect(lines[1]).toContain('https://github.com/linkrot/linkrot/issues');
    expect(lines[1]).toContain('--debug');
    expect(err.text()).not.toMatch(/\n\s+at /);
  });

  it('shows the stack under --debug', async () => {
    const err = capture();
    const code = await runCli(['check', '--debug', 'post.md'], { stdout: capture().stream, stderr: err.stream, env: {}, cwd: process.cwd() });
    expect(code).toBe(70);
    expect(err.text()).toMatch(/\n\s+at /);
  });
});

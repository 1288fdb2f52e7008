import { describe, expect, it } from 'vitest';
import { failing } from '../../src/cli/check-command.js';
import { parseInvocation } from '../../src/cli/options.js';
import { resolveSettings } from '../../src/cli/settings.js';
import type { CheckedLink, LinkHistory, Report, State } from '../../src/model.js';

const history = (confirmed: boolean): LinkHistory => ({
  firstSeen: '2026-11-19T06:17:00.000Z',
  lastAlive: null,
  deadSince: '2026-11-19T06:17:00.000Z',
  observations: 2,
  confirmed,
  flapping: false,
});
const row = (state: State, confirmed?: boolean): CheckedLink =>
  ({
    url: 'http://a.test/',
    kind: 'link',
    syntax: 'link',
    text: 'a',
    line: 1,
    column: 1,
    offset: { start: 1, end: 14 },
    state,
    reason: state === 'dead' ? 'http-404' : state === 'unreachable' ? 'timeout' : 'ok',
    detail: '',
    suggestions: [],
    ...(confirmed === undefined ? {} : { history: history(confirmed) }),
  }) as CheckedLink;
const report = (...links: CheckedLink[]): Report =>
  ({ schemaVersion: 1, tool: { name: 'linkrot', version: '0' }, summary: {} as Report['summary'], files: [{ path: 'p.md', links }] }) as Report;

describe('--fail-on confirmed and the confirmation settings', () => {
  it('fails only on dead links whose history confirms them; states still combine with it', () => {
    expect(failing(report(row('dead', false), row('unreachable', false), row('dead')), ['confirmed'])).toBe(0);
    expect(failing(report(row('dead', true), row('dead', false)), ['confirmed'])).toBe(1);
    expect(failing(report(row('dead', true), row('dead', false), row('unreachable', false)), ['confirmed', 'unreachable'])).toBe(2);
    expect(failing(report(row('dead', false)), ['dead'])).toBe(1);
  });

  it('parses --fail-on confirmed, --confirm-after and --confirm-span; a flag wins over the config', () => {
    const { flags } = parseInvocation(['check', '--fail-on', 'confirmed,suspicious', '--confirm-after', '3', '--confirm-span', '36h', 'posts']);
    expect(flags).toMatchObject({ failOn: ['confirmed', 'suspicious'], confirmAfter: 3, confirmSpanMs: 36 * 3_600_000 });
    expect(resolveSettings({ confirmAfter: 4, confirmSpanMs: 1000, failOn: ['confirmed'] }, flags)).toMatchObject({
      failOn: ['confirmed', 'suspicious'],
      check: { confirm: { observations: 3, spanMs: 36 * 3_600_000 } },
    });
    expect(resolveSettings({ confirmAfter: 4 }, {}).check.confirm).toEqual({ observations: 4 });
    expect(parseInvocation(['merge', '--fail-on', 'confirmed', 'a.json']).flags.failOn).toEqual(['confirmed']);
  });

  it.each([
    [['--fail-on', 'confirmd'], '--fail-on: unknown state `confirmd` (expected some of alive, redirected, dead, suspicious, unreachable, blocked, skipped, confirmed)'],
    [['--confirm-after', '0'], '--confirm-after expects a whole number ≥ 1, got `0`'],
    [['--confirm-span', 'a day'], '--confirm-span expects a duration such as 10s, 500ms, 12h or 1d, got `a day`'],
  ])('refuses %j in one line', (args, message) => {
    expect(() => parseInvocation(['check', ...args, 'posts'])).toThrow(message);
  });
});

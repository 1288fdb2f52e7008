/**
 * Renders the bench results: a plain-text table for the terminal and BENCHMARKS.md. Figures over repeated runs:
 * wall time is the median (min–max); peak RSS, 429s, most in flight and false/missed dead are the worst run.
 */
import os from 'node:os';
import { DEFAULT_HOST_LIMIT, DEFAULT_LATENCY_MS, SLOW_BODY_MS, SLOW_HEADERS_MS } from './sim-web.mjs';
import { MIX_HOST_MODES, MIX_WEIGHTS, LOAD_WEIGHTS } from './scenarios.mjs';

export const TARGETS = Object.freeze({ boundRatio: 1.25, limit429: 0, falseDead: 0, peakRssMb: 150 });

/**
 * Issue 15's targets, per scenario: linkrot's wall time over the floor's (plain undici on the same URLs, same
 * run, same round), the median of the per-round ratios; and the worst peak RSS (main keeps issue 3's bound).
 */
export const FLOOR_TARGETS = Object.freeze({
  main: Object.freeze({ ratio: 1.15, peakRssMb: 150, peakRssStrict: true }),
  pages: Object.freeze({ ratio: 1.5, peakRssMb: 180, peakRssStrict: false }),
  load: Object.freeze({ ratio: 1.3, peakRssMb: 250, peakRssStrict: false }),
});

export function describeMachine() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    load: os.loadavg().map((n) => n.toFixed(2)).join(' '),
  };
}

/** The figures of one tool over its runs. */
export function summarize(tool) {
  const walls = tool.runs.map((run) => run.wallMs).sort((a, b) => a - b);
  const worst = (field) => Math.max(...tool.runs.map((run) => run[field] ?? 0));
  const worstScore = (field) => {
    const values = tool.runs.map((run) => run.score?.[field]).filter((n) => n !== undefined);
    return values.length === 0 ? undefined : Math.max(...values);
  };
  return {
    name: tool.name,
    runs: tool.runs.length,
    wallMs: walls[Math.floor((walls.length - 1) / 2)],
    wallMin: walls[0],
    wallMax: walls.at(-1),
    capped: tool.runs.some((run) => run.capped),
    peakRssMb: worst('peakRssMb'),
    requests: Math.round(median(tool.runs.map((run) => run.requests))),
    methods: tool.runs[0]?.methods ?? {},
    limit429: worst('limit429'),
    mostInFlight: worst('mostInFlight'),
    clientErrors: worst('clientErrors'),
    falseDead: worstScore('falseDead'),
    missedDead: worstScore('missedDead'),
    unaccounted: worstScore('unaccounted'),
    exitCodes: [...new Set(tool.runs.map((run) => run.exitCode))].join('/'),
    readError: tool.runs.find((run) => run.readError)?.readError,
  };
}

function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(2)} s`;
}

function wallCell(s) {
  if (s.capped) return `> ${seconds(s.wallMax)} (capped)`;
  return s.runs > 1 ? `${seconds(s.wallMs)} (${seconds(s.wallMin)}–${seconds(s.wallMax)})` : seconds(s.wallMs);
}

function methodsCell(methods) {
  return Object.entries(methods).map(([m, n]) => `${n} ${m}`).join(', ');
}

const HEADER = ['tool', 'wall time', 'peak RSS', 'requests', '429s provoked', 'most in flight/host', 'links reported', 'false dead', 'missed dead'];

/** The row of plain undici fetching the same URLs (`floor-client.mjs`): what the machine allows, not a checker. */
export const FLOOR_NAME = 'plain undici (floor)';

function rowsOf(scenario) {
  return scenario.tools.map((tool) => {
    const s = summarize(tool);
    if (tool.reference === true) {
      return [s.name, wallCell(s), `${s.peakRssMb} MB`, `${s.requests} (${methodsCell(s.methods)})`, String(s.limit429), String(s.mostInFlight), '— (judges nothing)', '—', '—'];
    }
    return [
      s.name,
      wallCell(s),
      `${s.peakRssMb} MB`,
      `${s.requests} (${methodsCell(s.methods)})${s.clientErrors > 0 ? ` + ${s.clientErrors} TLS` : ''}`,
      String(s.limit429),
      String(s.mostInFlight),
      s.unaccounted === undefined ? '—' : `${scenario.spec.links - s.unaccounted}/${scenario.spec.links}`,
      s.falseDead === undefined ? `— (${s.readError ?? 'no report'})` : String(s.falseDead),
      s.missedDead === undefined ? '—' : String(s.missedDead),
    ];
  });
}

/** Checking phase of linkrot: its wall time minus a `linkrot extract` run on the same posts (medians). */
export function checkingPhase(scenario) {
  const linkrot = scenario.tools.find((tool) => tool.name === 'linkrot');
  if (!linkrot || !scenario.extract) return undefined;
  const check = summarize(linkrot).wallMs;
  const extract = summarize(scenario.extract).wallMs;
  const ms = check - extract;
  return { check, extract, ms, ratio: ms / scenario.bound.ms };
}

/** The floor's checking phase, taken like linkrot's: its wall time minus the same client's with no URL. */
export function floorCheckingPhase(scenario) {
  const floor = scenario.tools.find((tool) => tool.reference === true);
  if (!floor || !scenario.floorStart) return undefined;
  const check = summarize(floor).wallMs;
  const start = summarize(scenario.floorStart).wallMs;
  return { check, start, ms: check - start, ratio: (check - start) / scenario.bound.ms };
}

/** linkrot's wall time over the floor's, round by round (rounds where both ran). */
export function floorRatios(scenario) {
  const linkrot = scenario.tools.find((tool) => tool.name === 'linkrot');
  const floor = scenario.tools.find((tool) => tool.reference === true);
  if (!linkrot || !floor) return [];
  return linkrot.runs.flatMap((run, round) => {
    const base = floor.runs[round];
    // A floor that failed (4,000 connections at once can fail on a loaded machine) measured nothing.
    const measured = base !== undefined && !run.capped && !base.capped && base.exitCode === 0;
    return measured ? [{ round, linkrot: run.wallMs, floor: base.wallMs, ratio: run.wallMs / base.wallMs }] : [];
  });
}

function targetLines(scenario) {
  const linkrot = scenario.tools.find((tool) => tool.name === 'linkrot');
  if (!linkrot) return [];
  const s = summarize(linkrot);
  if (s.falseDead === undefined) return [`targets not measured: linkrot gave no report (${s.readError ?? 'unknown error'}, exit ${s.exitCodes})`];
  const phase = checkingPhase(scenario);
  const mark = (ok) => (ok ? 'met' : 'MISSED');
  const main = scenario.spec.name === 'main';
  const target = FLOOR_TARGETS[scenario.spec.name];
  const floor = scenario.tools.find((tool) => tool.reference === true);
  const lines = [];
  if (target === undefined || floor === undefined) {
    lines.push(`whole process ${seconds(s.wallMs)}, peak RSS ${s.peakRssMb} MB, 429s provoked ${s.limit429}, most in flight per host ${s.mostInFlight}, false dead ${s.falseDead}`);
  } else {
    const ratios = floorRatios(scenario);
    const middle = median(ratios.map((r) => r.ratio));
    lines.push(
      `linkrot / floor, round by round: ${ratios.map((r) => `${(r.ratio).toFixed(2)} (${seconds(r.linkrot)} / ${seconds(r.floor)})`).join(', ') || 'no round'}; ` +
        `median ${middle.toFixed(2)} vs ≤ ${target.ratio}: ${mark(ratios.length > 0 && middle <= target.ratio)}`,
      `429s provoked ${s.limit429} vs 0: ${mark(s.limit429 === 0)}`,
      `most in flight per host ${s.mostInFlight} vs ≤ ${DEFAULT_HOST_LIMIT}: ${mark(s.mostInFlight <= DEFAULT_HOST_LIMIT)}`,
      `false dead ${s.falseDead ?? '?'} vs 0: ${mark(s.falseDead === 0)}`,
      target.peakRssStrict
        ? `peak RSS ${s.peakRssMb} MB vs < ${target.peakRssMb} MB: ${mark(s.peakRssMb < target.peakRssMb)}`
        : `peak RSS ${s.peakRssMb} MB (worst run) vs ≤ ${target.peakRssMb} MB: ${mark(s.peakRssMb <= target.peakRssMb)}`,
    );
    const f = summarize(floor);
    lines.push(`floor: plain undici on the same URLs ${seconds(f.wallMs)} (median); linkrot ${seconds(s.wallMs)} (median); linkrot's own cost = ${seconds(s.wallMs - f.wallMs)}`);
    // The same round's runs are minutes closer in time than the medians: their differences drift less.
    const paired = ratios.map((r) => r.linkrot - r.floor);
    if (paired.length > 1) lines.push(`linkrot − floor, round by round: ${paired.map((ms) => seconds(ms)).join(', ')}; median ${seconds(median(paired))}`);
    const floorPhase = floorCheckingPhase(scenario);
    if (floorPhase !== undefined) {
      lines.push(
        `floor's checking phase = wall(floor) − wall(floor, no URLs) = ${seconds(floorPhase.check)} − ${seconds(floorPhase.start)} = ${seconds(floorPhase.ms)}; ` +
          `ratio ${floorPhase.ratio.toFixed(2)}: what plain undici reaches on this machine`,
      );
    }
  }
  if (phase) {
    lines.push(
      `checking phase = wall(check) − wall(extract) = ${seconds(phase.check)} − ${seconds(phase.extract)} = ${seconds(phase.ms)}; ` +
        `bound ${scenario.bound.formula} = ${seconds(scenario.bound.ms)}; ratio ${phase.ratio.toFixed(2)}${main ? ` vs ≤ ${TARGETS.boundRatio}: ${mark(phase.ratio <= TARGETS.boundRatio)}` : ''}`,
    );
  }
  return lines;
}


/**
 * The archive-down scenario: what each run with archive.org unreachable took beyond the same run with
 * `--no-archive` (medians, and round by round), against the bound; what the report said about it.
 */
function archiveDownLines(scenario) {
  if (scenario.archiveDown === undefined) return [];
  const baseline = scenario.tools.find((tool) => tool.name === scenario.archiveDown.baseline);
  const base = summarize(baseline);
  const lines = [
    `${scenario.spec.links} dead links (404) in ${scenario.spec.posts} posts over ${scenario.spec.hosts} hosts; archive.org stands in at 127.0.0.250 with its politeness (1 request at a time, 1 s apart), either refusing connections (a closed port) or resetting each one`,
  ];
  for (const tool of scenario.tools) {
    if (tool === baseline) continue;
    const s = summarize(tool);
    const extra = s.wallMs - base.wallMs;
    const paired = tool.runs.map((run, round) => (baseline.runs[round] === undefined ? undefined : run.wallMs - baseline.runs[round].wallMs)).filter((ms) => ms !== undefined);
    const mark = extra <= scenario.archiveDown.bound ? 'met' : 'MISSED';
    lines.push(
      `${tool.name}: ${seconds(s.wallMs)} − ${seconds(base.wallMs)} (--no-archive) = ${seconds(extra)} more vs ≤ ${seconds(scenario.archiveDown.bound)}: ${mark}` +
        (paired.length > 1 ? `; round by round ${paired.map((ms) => seconds(ms)).join(', ')}` : '') +
        `; exit ${s.exitCodes} (--no-archive: ${base.exitCodes})`,
    );
    const run = tool.runs.find((r) => r.notices !== undefined);
    if (run !== undefined) {
      lines.push(`${tool.name}: archive status unavailable on ${run.archiveUnavailable} links, none on ${run.archiveNone}; report notice: ${run.notices.map((notice) => `“${notice}”`).join(' ') || 'none'}`);
    }
  }
  return lines;
}

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function markdownTable(header, rows) {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function byModeLines(scenario) {
  const lines = [];
  for (const tool of scenario.tools) {
    const run = tool.runs.find((r) => r.score) ?? {};
    if (!run.score) continue;
    const fd = Object.entries(run.score.falseDeadByMode).map(([m, n]) => `${m} ${n}`).join(', ') || 'none';
    const md = Object.entries(run.score.missedDeadByMode).map(([m, n]) => `${m} ${n}`).join(', ') || 'none';
    lines.push(`${tool.name}: false dead — ${fd}; missed dead — ${md}; links not reported: ${run.score.unaccounted}`);
  }
  return lines;
}

function accountingRows(scenario) {
  const linkrot = scenario.tools.find((tool) => tool.name === 'linkrot');
  const accounting = linkrot?.runs.find((run) => run.accounting)?.accounting;
  if (!accounting) return undefined;
  const rows = Object.entries(accounting.byMode).map(([mode, entry]) => [
    mode,
    String(entry.generated),
    entry.expected,
    Object.entries(entry.got).map(([state, n]) => `${state} ${n}`).join(', ') || '(none)',
  ]);
  return { accounting, rows, header: ['mode', 'links', 'expected state', 'linkrot said (state/reason count)'] };
}

export function renderText(results) {
  const parts = [];
  for (const scenario of results.scenarios) {
    parts.push(`\n== ${scenario.spec.name}: ${scenario.spec.links} links, ${scenario.spec.posts} posts, ${scenario.spec.hosts} hosts`);
    parts.push(table(HEADER, rowsOf(scenario)));
    for (const line of [...targetLines(scenario), ...archiveDownLines(scenario)]) parts.push(`  ${line}`);
    for (const line of byModeLines(scenario)) parts.push(`  ${line}`);
    const accounting = accountingRows(scenario);
    if (accounting && scenario.spec.name !== 'main') {
      parts.push(`  linkrot reported ${accounting.accounting.reported} of ${accounting.accounting.generated} links; ${accounting.accounting.asExpected} in the expected state`);
      parts.push(table(accounting.header, accounting.rows).replace(/^/gm, '  '));
    }
  }
  return `${parts.join('\n')}\n`;
}

export function renderMarkdown(results) {
  const m = results.machine;
  const out = [];
  out.push('# Benchmarks', '');
  out.push('Written by `npm run bench` (`bench/run.mjs`); do not edit by hand — re-run it.', '');
  out.push(`- Date: ${results.date}`);
  out.push(`- Machine: ${m.cpu}, ${m.memory}, ${m.os}, Node ${m.node}, load average at start ${m.load} (shared machine: timings are noisy)`);
  out.push(`- Command: \`npm run bench\` (= \`npm run build && node bench/run.mjs\`)${results.extraCaCerts.startsWith('unset') ? ' -- --unset-extra-ca' : ''}`);
  out.push(`- NODE_EXTRA_CA_CERTS: ${results.extraCaCerts}`);
  out.push(`- Peers (installed by the bench into \`bench/peers/\`, never dependencies of linkrot): linkinator 6, markdown-link-check 3.14 (linkinator 7 and markdown-link-check 3.15 need Node 22)`);
  out.push('');
  out.push('## The simulated web', '');
  out.push(
    `One \`node:http\` server per loopback address (127.0.0.2 … for the 40 hosts, 127.0.x.y for the 500 of the load scenario), all on one port; ` +
      `${DEFAULT_LATENCY_MS} ms added before every response; at most ${DEFAULT_HOST_LIMIT} requests in flight per host, one more is answered 429 with \`Retry-After: 1\` ` +
      `(counted as "429s provoked"). Every URL has a behaviour and a ground truth known to the simulator. Posts are generated deterministically (seeded) into \`bench/.work/\`. ` +
      `Before anything is measured the web serves each scenario's URLs twice (a cold web spent three times the CPU on its first run, taken from whichever tool ran first). ` +
      `The tools then run round by round, each once per round (\`linkrot extract\`, linkrot, linkinator and, for main and load, the floor), so that the machine's drift falls on all of them alike; markdown-link-check runs once, last. ` +
      `linkrot keeps its code cache (src/cli/code-cache.ts) in a folder of the bench's own, emptied at its start: the first run of each kind of command makes it, as after an install.`,
    '',
  );
  out.push(`- **main**: 2,000 alive links (one URL each) in 100 posts over 40 hosts (50 per host).`);
  out.push(
    `- **mix**: 600 links in 30 posts over 40 hosts. On 36 hosts each URL is \`ok\` or, with these shares, ${Object.entries(MIX_WEIGHTS).map(([k, v]) => `${k} ${Math.round(v * 100)} %`).join(', ')}; ` +
      `the last 4 hosts answer every URL the same way: ${MIX_HOST_MODES.join(', ')}.`,
  );
  out.push('- **pages**: the main shape (2,000 alive links, 100 posts, 40 hosts) with real-sized pages: each article ~90 KB (an inline `<style>` of ~10 KB and `<script>` of ~20 KB in its head, header and nav, an `<article>` with its `<h1>` and 120 paragraphs with links, an aside, a footer; `bench/article-page.mjs`). linkrot against the floor, no peers.');
  out.push(`- **load**: 20,000 links in 200 posts over 500 hosts; ${Object.entries(LOAD_WEIGHTS).map(([k, v]) => `${k} ${Math.round(v * 100)} %`).join(', ')}, the rest ok. linkrot and the floor (no peers). linkrot runs with \`--no-archive\` here and in mix: their dead links would send it to the real archive.org; main and pages have none and run with the defaults (archive on).`);
  out.push('- **archive-down**: 60 dead links (404) in 6 posts over 10 hosts, linkrot with archive.org unreachable (refused; reset) against the same run with `--no-archive`. linkrot only.');
  out.push('');
  out.push('Behaviours and their truth: `ok` 200 (alive); `head-405` HEAD 405, GET 200 (alive); `redirect` 1–3 hops of 301/308 to a 200 (alive); ' +
    '`redirect-loop` 302 A→B→A (unreachable); `retry-after-429` first request 429 `Retry-After: 1`, then 200 (alive); `503-then-200` (alive); ' +
    `\`slow-headers\` headers after ${SLOW_HEADERS_MS} ms more (alive); \`slow-body\` body trickled over ${SLOW_BODY_MS} ms (alive); \`reset-once\` first connection reset, then 200 (alive); ` +
    '`reset` always reset (unreachable); `challenge` 403 + `cf-mitigated: challenge` + a challenge page (blocked); `status-999` LinkedIn\'s 999 (blocked); ' +
    '`browser-only` 403 unless the User-Agent starts with `Mozilla/` (alive); `no-link-agents` 403 when the User-Agent contains "link" (alive); ' +
    '`soft-404` 200 "Page not found" (dead); `gone-404`, `gone-410` (dead).', '');
  out.push('**False dead**: reported broken while the truth is alive or blocked. **Missed dead**: truth dead (404, 410, soft 404) but not reported dead. ' +
    'Unreachable truths count in neither. Per tool: wall time = spawn to exit (median of the runs, min–max); peak RSS = the process tree\'s high-water mark ' +
    '(GNU `time -f %M`, cross-checked by polling `VmHWM`); requests, 429s and most in flight per host as counted by the servers (worst run). ' +
    '"+ N TLS": connections that sent a TLS hello instead of HTTP (https probes of the http links; the simulated web speaks http only).', '');
  out.push(`Lower bound of checking 2,000 links: each host serves its 50 URLs ${DEFAULT_HOST_LIMIT} at a time, ${DEFAULT_LATENCY_MS} ms each: ⌈50/8⌉ × 100 ms = 0.70 s. ` +
    `With linkrot's global limit of ${results.settings.concurrency} requests in flight, ⌈2000/${results.settings.concurrency}⌉ × 100 ms = ${seconds(Math.ceil(2000 / results.settings.concurrency) * DEFAULT_LATENCY_MS)} is a second bound; the table states the larger.`, '');
  out.push(`**Floor** (main and load): \`bench/floor-client.mjs\`, plain undici fetching the same URLs (2,000; 20,000) with GET, 8 at a time per host, bodies read, nothing parsed, judged or reported. It is not a checker (and has no global limit, where linkrot keeps at most ${results.settings.concurrency} requests in flight; it follows no redirect); it is what this machine allows. The targets are linkrot's wall time over the floor's, taken round by round in the same run, and their median. Its checking phase is taken like linkrot's: its wall time minus the same client's with an empty list of URLs.`, '');
  out.push('linkrot\'s **checking phase** = wall time of `linkrot check` − wall time of `linkrot extract` on the same posts (medians): process start, parsing and output are in both.', '');
  for (const scenario of results.scenarios) {
    out.push(`## ${scenario.spec.name}: ${scenario.spec.links} links, ${scenario.spec.posts} posts, ${scenario.spec.hosts} hosts`, '');
    out.push(markdownTable(HEADER, rowsOf(scenario)), '');
    for (const line of [...targetLines(scenario), ...archiveDownLines(scenario)]) out.push(`- ${line}`);
    for (const line of byModeLines(scenario)) out.push(`- ${line}`);
    const accounting = accountingRows(scenario);
    if (accounting && scenario.spec.name !== 'main') {
      out.push('', `linkrot reported ${accounting.accounting.reported} of ${accounting.accounting.generated} links; ${accounting.accounting.asExpected} in the expected state:`, '');
      out.push(markdownTable(accounting.header, accounting.rows));
    }
    out.push('', 'Commands:', '');
    for (const tool of scenario.tools) if (tool.command) out.push(`- \`${tool.command}\``);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

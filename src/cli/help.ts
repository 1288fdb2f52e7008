import { DEFAULT_SAVE_OLDER_THAN_MS } from '../archive/index.js';
import { DEFAULT_MAX_AGE_MS } from '../cache/index.js';
import { DEFAULT_CHECK_SETTINGS as D } from '../check/index.js';

function seconds(ms: number): string {
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

/** The --help text; every default is read from the constant the code uses. */
export function helpText(): string {
  return `linkrot — find rotten links in Markdown posts and rescue them from archive.org

Usage
  linkrot [check] [options] <files|dirs|globs…>   check every link (the default command)
  linkrot extract [--format text|json] [--base-url URL] <files|dirs|globs…>
                                                 list every link with its position; no network
  linkrot merge [--format …] <report.json…>      combine JSON reports of several (sharded) runs

Output
  -f, --format text|json|markdown|github|html  report format (default text; github = workflow annotations,
                                          plus the Markdown report appended to $GITHUB_STEP_SUMMARY;
                                          html = one self-contained page to browse, e.g. with -o report.html)
  -o, --output FILE            write the report to FILE (atomically) instead of stdout
  -q, --quiet                  no progress, only problems and the summary
  -v, --verbose                list alive and skipped links too
      --color, --no-color      force colour on or off (default: on for a TTY, off with NO_COLOR)
      --fail-on STATES         states that make the exit code 1 (default: dead), e.g. dead,suspicious;
                               confirmed: only dead links confirmed by the cache's history
      --confirm-after N        dead observations that confirm a dead link (default 2)
      --confirm-span DURATION  least time from the first to the last of them (default 1d)

Checking
      --concurrency N          requests in flight overall (default ${D.concurrency})
      --per-host N             requests in flight per host (default ${D.perHost})
      --interval DURATION      least time between two requests to one host (default ${seconds(D.intervalMs)};
                               a plain number is seconds, refused above 60)
      --timeout DURATION       one attempt, connect to last body byte (default ${seconds(D.timeoutMs)}); 5000ms, 5s, 2m;
                               a plain number is seconds and refused above 300 (did you mean ms?)
      --retries N              retries of a transient failure (timeout, reset, 5xx, 429) (default ${D.retries})
      --max-redirects N        redirects followed before giving up (default ${D.maxRedirects})
      --exclude REGEX          skip URLs matching this regular expression (repeatable)
      --allow-private          also fetch private, loopback and link-local addresses
      --insecure               accept invalid TLS certificates
      --user-agent TEXT        User-Agent header (default: a current browser's)
  -H, --header 'Name: value'   extra request header (repeatable; per-host headers go in the config file)
      --no-fragments           do not check #fragments against the page's anchors
      --no-content-checks      only status codes: no soft-404, parked-domain or video checks
      --no-archive             do not look up archive.org snapshots for dead links
      --archive-url URL        Wayback Machine base URL (default https://web.archive.org)
      --drift                  flag alive pages that are about something else now than in their capture from
                               before the post's date (content-changed); one archive lookup per page, cached for good
      --base-url URL           resolve relative links against this site URL
      --root-dir DIR           check root-relative links (/x) as files under DIR

Fixing
      --fix [KINDS]            rewrite posts with the suggestions: archive,moved,https,clean,expand (default: the
                               config file's fix, else all); the next word is KINDS only when made of kinds
      --dry-run                with --fix: print a unified diff instead of writing

Saving (needs ARCHIVE_ORG_ACCESS_KEY and ARCHIVE_ORG_SECRET_KEY in the environment)
      --save-alive             ask the Wayback Machine's Save Page Now to capture alive links, one at a time
      --save-older-than DURATION  only links whose newest capture is older than this (default ${seconds(DEFAULT_SAVE_OLDER_THAN_MS)})

Runs in CI
      --cache [FILE.json]      remember verdicts in FILE (default .linkrot-cache.json); the next word is
                               the file only when it ends in .json, else write --cache=FILE
      --no-cache               ignore a cache set in the config file
      --max-age DURATION       re-check cached verdicts older than this (default ${seconds(DEFAULT_MAX_AGE_MS)}; give a unit)
      --changed-since REF      only Markdown files changed since the git ref REF
      --only-new-links         with --changed-since: only links added since REF
      --shard K/N              this job checks the hosts of shard K of N (merge the reports)

General
  -c, --config FILE            config file (default ./linkrot.config.json when present)
      --debug                  print stack traces of internal errors
  -h, --help                   this help
  -V, --version                the version

An option that takes one value may be given once; flags without a value take none (--insecure, not
--insecure true); the command comes first; --output may not name an input.

Exit codes: 0 nothing failed, 1 failing findings (see --fail-on), 2 bad usage, config or input, or no network.
`;
}

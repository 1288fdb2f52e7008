/**
 * The shared vocabulary of linkrot: a link, what happened when we fetched it (a check result), and what
 * that means (a verdict). Every stage speaks these types; the JSON report is built from them.
 *
 * Offsets: all source offsets are indices into the file's text decoded as UTF-8 with a byte-order mark kept
 * (U+FEFF at index 0 when present), counted in UTF-16 code units (JavaScript string indices). `line` and
 * `column` are 1-based; a column counts UTF-16 code units from the start of the line (BOM excluded).
 */

// ---------------------------------------------------------------------------------------------------------
// Links (extract stage)
// ---------------------------------------------------------------------------------------------------------

/** The syntax a link was written in. */
export type LinkSyntax =
  | 'link' // inline [text](url)
  | 'image' // inline ![alt](src)
  | 'reference' // [text][label], [label][], [label] — reported where used, url from the definition
  | 'reference-image' // ![alt][label]
  | 'definition' // [label]: url that nothing uses
  | 'autolink' // <https://…>, <user@example.com>
  | 'bare' // GFM literal: https://…, www.…, user@example.com
  | 'html' // an URL in a raw HTML attribute (href, src, srcset, poster, data, …)
  | 'template'; // a Liquid-built link (Jekyll) that no Markdown parser sees

/**
 * What a link is, as reported: its syntax, except that `mailto:` links are `mailto`, links relative to the
 * site or post are `relative`, and Liquid-built links that could not be resolved are `template`.
 */
export type LinkKind = LinkSyntax | 'mailto' | 'relative';

export interface SourceSpan {
  /** Start index (inclusive), see the module comment for units. */
  start: number;
  /** End index (exclusive). */
  end: number;
}

export interface Link {
  /** The destination as written, after Markdown unescaping (same string as mdast `url`). */
  url: string;
  /** Absolute URL when it could be resolved (relative links against `--base-url` / the Jekyll site). */
  resolved?: string;
  kind: LinkKind;
  syntax: LinkSyntax;
  /** Link text or image alt as plain text, white space collapsed. */
  text: string;
  /** 1-based line and column of the link's first character (`[`, `![`, `<`, the URL, the HTML attribute). */
  line: number;
  column: number;
  /** Exact source span of the URL characters (for a reference, the destination in its definition). */
  offset: SourceSpan;
  /** Line where the destination is written, when it differs from `line`. */
  urlLine?: number;
  /** For raw HTML: the tag and attribute the URL came from. */
  html?: { tag: string; attr: string };
  /** True for an image inside a link. */
  inLink?: boolean;
  /** True when the URL characters stand in a GFM table cell (where a `|` in them must be written `\|`). */
  inTableCell?: boolean;
  /** For references: the label as written, and the line of the definition. */
  label?: string;
  definitionLine?: number;
}

export interface PostMeta {
  title?: string;
  /** ISO date `YYYY-MM-DD` from front matter `date` or a Jekyll `YYYY-MM-DD-slug.md` file name. */
  date?: string;
}

export interface ExtractedFile extends PostMeta {
  /** Path as given by the user (relative to the working directory when it was). */
  path: string;
  links: Link[];
}

// ---------------------------------------------------------------------------------------------------------
// Check results (check stage): facts only
// ---------------------------------------------------------------------------------------------------------

export type HttpMethod = 'HEAD' | 'GET';

/** Network-level failure codes. Never a fake status number. */
export type NetworkErrorCode =
  | 'dns-not-found' // NXDOMAIN / ENOTFOUND: final
  | 'dns-error' // SERVFAIL, EAI_AGAIN: transient
  | 'connection-refused'
  | 'connection-reset'
  | 'network-unreachable'
  | 'timeout' // connect, headers or body deadline passed
  | 'tls-error' // certificate invalid, expired, self-signed, handshake failure
  | 'protocol-error' // malformed response, HTTP/0.9, headers too large
  | 'private-address' // refused by the private-address guard (at plan or connect time)
  | 'proxy-error' // the proxy failed for another reason
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'invalid-redirect' // Location missing, unparsable, or to a non-HTTP scheme
  | 'aborted';

export interface RedirectHop {
  /** The URL that answered with a redirect. */
  url: string;
  status: number;
  /** The raw Location header value. */
  location?: string;
}

export interface BodySample {
  /** The first bytes of the body, decoded as text (UTF-8 unless the charset says otherwise). */
  text: string;
  /** Bytes read (after decompression). */
  bytes: number;
  /** True when reading stopped at the limit before the end of the body. */
  truncated: boolean;
}

export interface CheckResult {
  /** The URL that was requested (normalised, without fragment). */
  url: string;
  /** The last URL fetched: equals `url` when there was no redirect. */
  finalUrl: string;
  /** Status of the final response, when any response arrived. */
  status?: number;
  /** Selected headers of the final response, lower-case names. */
  headers?: Record<string, string>;
  /** Every redirect followed, in order. */
  redirects: RedirectHop[];
  /** Method of the final request. */
  method: HttpMethod;
  /** Requests sent in all (every method, hop and retry). */
  attempts: number;
  /** A sample of the final body, when a GET read it. */
  body?: BodySample;
  /** Set when no usable final response was obtained. */
  error?: {
    code: NetworkErrorCode;
    message: string;
    /**
     * Set when an auxiliary request's origin is down for the rest of the run (it failed at the connection level
     * or did not answer twice in a row), to the failure that showed it: every later auxiliary request to it gets
     * this answer without being sent.
     */
    originDown?: string;
  };
  /** Milliseconds from the first request to the result. */
  elapsedMs: number;
}

// ---------------------------------------------------------------------------------------------------------
// Verdicts (diagnose stage): what the facts mean
// ---------------------------------------------------------------------------------------------------------

export const STATES = ['alive', 'redirected', 'dead', 'suspicious', 'unreachable', 'blocked', 'skipped'] as const;
export type State = (typeof STATES)[number];
/** What makes a run fail (exit 1): a state, or `confirmed` (a dead link whose history confirms it). */
export type FailOn = State | 'confirmed';

/** Stable reason codes, grouped by the state they belong to. Documented one by one in the README. */
export const REASONS_BY_STATE = {
  alive: ['ok'],
  redirected: ['redirect-permanent', 'redirect-temporary'],
  dead: [
    'http-404',
    'http-410',
    'http-4xx',
    'dns-not-found',
    'known-dead',
    'parked-domain',
    'soft-404',
    'video-unavailable',
    'file-missing',
  ],
  suspicious: [
    'redirect-to-homepage',
    'fragment-missing',
    'content-type-mismatch',
    'soft-404-likely',
    'invalid-redirect',
    'video-restricted',
    'content-changed',
  ],
  unreachable: [
    'http-5xx',
    'timeout',
    'connection-refused',
    'connection-reset',
    'tls-error',
    'protocol-error',
    'dns-error',
    'redirect-loop',
    'too-many-redirects',
    'rate-limited',
    'network-error',
  ],
  blocked: ['bot-protection', 'login-wall', 'rate-limited', 'private-redirect'],
  skipped: ['excluded', 'private-address', 'unsupported-scheme', 'mailto', 'template', 'invalid-url'],
} as const satisfies Record<State, readonly string[]>;

export type ReasonOf<S extends State> = (typeof REASONS_BY_STATE)[S][number];
export type Reason = { [S in State]: ReasonOf<S> }[State];

export type SuggestionKind = 'archive' | 'moved' | 'https' | 'clean' | 'expand';
export const SUGGESTION_KINDS: readonly SuggestionKind[] = ['archive', 'moved', 'https', 'clean', 'expand'];

export interface Suggestion {
  kind: SuggestionKind;
  url: string;
  /** Wayback timestamp `YYYYMMDDhhmmss`, for archive suggestions. */
  timestamp?: string;
  /** One line saying why. */
  note?: string;
}

interface VerdictBase {
  /** One human sentence saying what happened. */
  detail: string;
  /** Known-dead family id, when a rule matched (e.g. `google-plus`). */
  family?: string;
  /** HTTP status of the final response, when there was one. */
  httpStatus?: number;
  finalUrl?: string;
  redirects?: RedirectHop[];
  suggestions: Suggestion[];
  /** For fragment-missing: the fragment that was looked for. */
  fragment?: string;
  /** The archive lookup of a dead or suspicious link, when one was made (see `ArchiveStatus`); `unavailable` also on a short link whose recovery archive.org left unanswered. */
  archive?: ArchiveStatus;
  /** With `--drift`, for `content-changed`: what the page was (the capture) and what it is now. */
  drift?: ContentDrift;
}

/** A page that is about something else now than in its capture from before the post's date. */
export interface ContentDrift {
  /** The capture's title (its heading when it has none). */
  then: string;
  /** The page's title now (its heading when it has none). */
  now: string;
  /** The capture compared with (a Wayback URL). */
  capture: string;
  /** What differs, in a few words. */
  why: string;
}

/**
 * `found`: a snapshot is among the suggestions; `none`: archive.org answered that it has no capture;
 * `unavailable`: archive.org could not be asked (unreachable, hung, rate-limiting): nothing is known.
 */
export type ArchiveStatus = 'found' | 'none' | 'unavailable';

export type Verdict = {
  [S in State]: VerdictBase & { state: S; reason: ReasonOf<S> };
}[State];

/**
 * What the results cache knows of a link's URL (and fragment) over the runs, this one included. Dates are ISO
 * 8601; null when unknown. See `src/cache/history.ts`.
 */
export interface LinkHistory {
  /** The first observation. */
  firstSeen: string | null;
  /** The last alive (or redirected) observation. */
  lastAlive: string | null;
  /** The first dead observation since the last alive one. */
  deadSince: string | null;
  /** Observations ever made (one per run that asked the server). */
  observations: number;
  /** Dead on enough observations far enough apart (default: 2, 24 h). */
  confirmed: boolean;
  /** Alternating between alive and failing (at least two failing spells with an alive answer between). */
  flapping: boolean;
  /** What this run changed: dead for the first time, confirmed now, or alive again after a dead spell. */
  news?: 'dead' | 'confirmed' | 'recovered';
}

/** A link occurrence with its verdict: one row of the report. */
export type CheckedLink = Link & Verdict & { history?: LinkHistory };

// ---------------------------------------------------------------------------------------------------------
// Report model (one document per run; JSON, Markdown, text and GitHub output are all rendered from it)
// ---------------------------------------------------------------------------------------------------------

export const SCHEMA_VERSION = 1 as const;

export interface FileReport extends PostMeta {
  path: string;
  links: CheckedLink[];
  /** When the file could not be read or parsed: one line saying why (its links are then empty). */
  error?: string;
}

export type Summary = { files: number; links: number; urls: number; requests: number; durationMs: number } & Record<State, number>;

/** Something about the run as a whole, said once (e.g. archive.org could not be reached). */
export interface Notice {
  /** `drift-incomplete`: with `--drift`, archive.org rate-limited us or could not be reached, and some links were not compared. */
  code: 'archive-unreachable' | 'drift-incomplete';
  /** One line for people. */
  message: string;
  /** Link occurrences it concerns (for `archive-unreachable`: those left without an archive suggestion). */
  links: number;
}

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: 'linkrot'; version: string };
  summary: Summary;
  /** Present only when there is something to say. */
  notices?: Notice[];
  files: FileReport[];
  /** With `--save-alive`: what the Wayback Machine's Save Page Now captured and what it refused. */
  savePageNow?: SavePageNowReport;
}

export interface SaveRefusal {
  url: string;
  /** SPN2's `status_ext` (`error:too-many-daily-captures`, `error:blocked-url` …) or linkrot's own (`rate-limited`, `keys-refused`, `pending`, `not-attempted`). */
  code: string;
  reason: string;
}

export interface SavePageNowReport {
  saved: Array<{ url: string; capture: string; timestamp: string }>;
  refused: SaveRefusal[];
  /** Alive URLs left alone because they already had a capture newer than the age asked for. */
  recent: number;
}

/** Extract prints the same shape without the verdict fields. */
export interface ExtractReport {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: 'linkrot'; version: string };
  summary: { files: number; links: number };
  files: Array<PostMeta & { path: string; links: Link[]; error?: string }>;
}

// ---------------------------------------------------------------------------------------------------------
// Presentation helpers beside the types
// ---------------------------------------------------------------------------------------------------------

export type Severity = 'error' | 'warning' | 'notice' | 'none';

export const STATE_PRESENTATION: Record<State, { label: string; icon: string; severity: Severity }> = {
  dead: { label: 'Dead', icon: '✗', severity: 'error' },
  suspicious: { label: 'Suspicious', icon: '?', severity: 'warning' },
  blocked: { label: 'Blocked', icon: '⊘', severity: 'warning' },
  unreachable: { label: 'Unreachable', icon: '!', severity: 'warning' },
  redirected: { label: 'Redirected', icon: '→', severity: 'notice' },
  alive: { label: 'Alive', icon: '✓', severity: 'none' },
  skipped: { label: 'Skipped', icon: '-', severity: 'none' },
};

/** Report order: the worst first. */
export const STATE_ORDER: readonly State[] = ['dead', 'suspicious', 'blocked', 'unreachable', 'redirected', 'alive', 'skipped'];

export function isState(value: string): value is State {
  return (STATES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------------------
// The fetcher: the one way any stage reaches the network (check, content probes, archive lookups)
// ---------------------------------------------------------------------------------------------------------

export interface FetchRequest {
  /** Absolute http(s) URL; a fragment is ignored. */
  url: string;
  /**
   * `undefined`: HEAD first, GET when HEAD is refused or unreliable. `GET` forces a GET (needed whenever the
   * body is read).
   */
  method?: HttpMethod;
  /** Read up to this many bytes of the final body (forces GET). 0 or absent: do not read the body. */
  bodyBytes?: number;
  /** Follow redirects (by hand, every hop recorded). Default true. */
  followRedirects?: boolean;
  /** Extra request headers for this request only. */
  headers?: Record<string, string>;
  /** Retries of a transient failure for this request, instead of the run's setting (probes use 0). */
  retries?: number;
  /**
   * A request linkrot makes on its own (archive lookup, https or sibling probe, oEmbed), not one a post asked
   * for. Its origin is asked once per run once an auxiliary request to it has failed at the connection level
   * (DNS, refused, TLS, reset) or timed out twice in a row: such a failure is not retried, and every later
   * auxiliary request to the origin gets it at once, marked `originDown`. A post's own link that is reset or
   * times out does not count (it is retried on its own); one refused, TLS or name-not-found failure does.
   */
  auxiliary?: boolean;
}

export interface Fetcher {
  /** Never throws for network or HTTP failures: they are facts in the result. */
  fetch(request: FetchRequest): Promise<CheckResult>;
  /** Requests sent so far (every attempt, hop and retry). */
  readonly requestCount: number;
}

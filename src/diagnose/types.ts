import type { CheckResult, Link, PostMeta } from '../model.js';

/**
 * A known-dead site family: a service that closed or changed in a way that breaks old links. Built-in families
 * live in `rules/known-dead-families.ts`; users add their own in the config file (`knownDead`), same shape.
 */
export interface KnownDeadFamily {
  /** Stable kebab-case id, shown in reports (`google-plus`). */
  id: string;
  /** Human name (`Google+`). */
  name: string;
  /** Hosts it matches: an exact host (`plus.google.com`) or a suffix pattern (`*.delicious.com`). */
  hosts: string[];
  /** Regular expression source matched against the URL's path plus query (`/p/foo?x=1`). Absent: any path. */
  pathPattern?: string;
  /** When the service ended, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  ended?: string;
  /** One line saying what happened. */
  explanation: string;
  /** Where the explanation comes from (an announcement, a news article). */
  source?: string;
  /**
   * `always`: every matching link is judged by the rule, whatever the server says (Google+).
   * `on-failure`: the rule only names the cause when the server's answer is already bad (a 404, a soft 404, a
   * redirect to the home page) — for families where some links still work (goo.gl, classic Google Sites).
   * Default `always`.
   */
  applies?: 'always' | 'on-failure';
  /** The state a match gives. Default `dead` (reason `known-dead`); `blocked` gives reason `login-wall`. */
  state?: 'dead' | 'blocked';
  /**
   * A deterministic replacement: `url` is a template where `$1`…`$9` are `pathPattern` groups, `{host}`,
   * `{path}` and `{search}` parts of the link (`https://code.google.com/archive/p/$1`).
   */
  suggest?: { url: string; note?: string };
}

/** A family ready to match (patterns compiled). */
export interface CompiledFamily extends KnownDeadFamily {
  path?: RegExp;
}

export interface RuleSet {
  families: CompiledFamily[];
}

export interface DiagnoseSettings {
  /** Check `#fragment`s against the ids and names of HTML pages. */
  fragments: boolean;
  /** Read page bodies for soft 404s, parked domains, video availability and content types. */
  contentChecks: boolean;
  rules: RuleSet;
  /** Host → extra status codes accepted as alive (`{"example.com": [403]}`). */
  acceptStatus?: Record<string, number[]>;
}

export interface DiagnoseInput {
  link: Link;
  /** Normalised request URL (no fragment). */
  url: string;
  /** The fragment of this occurrence, without `#`. */
  fragment?: string;
  result: CheckResult;
  /** Results of the follow-up requests asked for by `followUpsFor`, by key. */
  followUps: Record<string, CheckResult>;
  post: PostMeta;
}

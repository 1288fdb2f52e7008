import type { CheckResult, Link, PostMeta } from '../model.js';

/**
 * A site family: a service whose old links break in a known way. Three kinds, by `applies` and `state`:
 * - shut down (`applies` `always`, or `on-failure` where some links survive): the service is gone, a match is
 *   `known-dead` (Google+, Google Code);
 * - platform still up, this item gone (`applies` `on-gone-answer`): only the platform's own "gone" answer
 *   (`goneAnswer`) makes a link dead (imgur's removed-image redirect, GitHub Pages' "no site here" 404); a
 *   working item on the platform is judged like any other link;
 * - moved (`state` `moved`): the content moved to a successor; the verdict stays what the answer says
 *   (redirected, dead, …) and the family adds its explanation and the successor address (docs.microsoft.com).
 * Built-in families live in `rules/known-dead-families.ts` and its siblings; users add their own in the config
 * file (`knownDead`), same shape.
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
  /** When the service ended (or moved), `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  ended?: string;
  /** One line saying what happened. */
  explanation: string;
  /** Where the explanation comes from (an announcement, a platform's docs, an issue thread showing the answer). */
  source?: string;
  /** When that source was published or observed, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  sourceDate?: string;
  /**
   * `always`: every matching link is judged by the rule, whatever the server says (Google+).
   * `on-failure`: the rule only names the cause when the server's answer is already bad (a 404, a soft 404, a
   * redirect to the home page) — for families where some links still work (goo.gl, classic Google Sites).
   * `on-gone-answer`: the rule applies only when the answer matches `goneAnswer`, the platform's own "this item
   * is gone" answer (imgur, Heroku, GitHub Pages). Default `always`.
   */
  applies?: 'always' | 'on-failure' | 'on-gone-answer';
  /**
   * The platform's "gone" answer, for `applies: "on-gone-answer"`; every condition given must hold.
   * `status`: the final status is one of these; `finalUrl`: a regular expression the end of a redirect chain
   * matches (a link that was not redirected never matches); `body`: a regular expression the body matches.
   */
  goneAnswer?: { status?: number[]; finalUrl?: string; body?: string };
  /**
   * The state a match gives. Default `dead` (reason `known-dead`); `blocked` gives reason `login-wall`; `moved`
   * keeps the verdict the answer gives and adds the family's explanation and successor (`suggest`).
   */
  state?: 'dead' | 'blocked' | 'moved';
  /**
   * A deterministic replacement: `url` is a template where `$1`…`$9` are `pathPattern` groups, `{host}`,
   * `{path}` and `{search}` parts of the link (`https://code.google.com/archive/p/$1`).
   */
  suggest?: { url: string; note?: string };
}

/** A family ready to match (patterns compiled). */
export interface CompiledFamily extends KnownDeadFamily {
  path?: RegExp;
  /** `goneAnswer`, compiled. */
  gone?: { status?: readonly number[]; finalUrl?: RegExp; body?: RegExp };
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
  /** A later step reads alive pages' text (content drift): pages are read up to the whole capped text. */
  pageText?: boolean;
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

import type { KnownDeadFamily } from '../types.js';
import MOVED from './moved-families.json' with { type: 'json' };
import PLATFORM from './platform-families.json' with { type: 'json' };
import SHUT_DOWN from './shut-down-families.json' with { type: 'json' };

/**
 * The built-in pack of site families. Data, not code, in the same JSON shape a user writes under `knownDead` in
 * the config file; each entry names what it matches, what happened and when, where that is documented
 * (`source`, `sourceDate`), and what to suggest. Three files, one per kind:
 * - `shut-down-families.json`: services that closed; every matching link is dead (`on-failure`: every failing
 *   one), whatever the host answers now;
 * - `platform-families.json`: platforms still up whose own answer says one item is gone (`goneAnswer`: imgur's
 *   removed-image redirect, Heroku's "no such app", GitHub Pages' "no site here"); a link is dead only on that
 *   answer, never on the host alone. Each source is a published report of the answer's shape;
 * - `moved-families.json`: services that moved (`state: "moved"`); the answer decides the state, the family adds
 *   why and the successor address.
 * The first family that matches a link judges it. Every entry passes `validateFamily` (tested).
 */
export const KNOWN_DEAD_FAMILIES: readonly KnownDeadFamily[] = [...SHUT_DOWN, ...PLATFORM, ...MOVED] as readonly KnownDeadFamily[];

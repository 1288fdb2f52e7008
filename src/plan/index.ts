/** The plan stage: which URLs to fetch, and the links decided without HTTP. */
export { isPrivateAddress, isPrivateHostname } from './private-address.js';
export { normalizeUrl, interleaveByHost } from './normalize-url.js';
export { planChecks } from './plan-checks.js';
export type { Plan, PlanSettings, PlannedLink } from './plan-checks.js';

/** The plan stage: which URLs to fetch, and the links decided without HTTP. */
export { isPrivateAddress, isPrivateHostname } from './private-address.js';

export { loadConfig } from './load-config.js';
export { CONFIG_FILE_NAME } from './types.js';
export type { ConfigFile, HostConfig, KnownDeadFamilyConfig, RunSettings } from './types.js';

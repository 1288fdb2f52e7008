/** undici's own modules, imported one by one (see src/check/undici-parts.ts); typed by the package's declarations. */
declare module 'undici/lib/dispatcher/agent.js' {
  const value: typeof import('undici').Agent;
  export default value;
}
declare module 'undici/lib/dispatcher/env-http-proxy-agent.js' {
  const value: typeof import('undici').EnvHttpProxyAgent;
  export default value;
}
declare module 'undici/lib/core/connect.js' {
  const value: typeof import('undici').buildConnector;
  export default value;
}
declare module 'undici/lib/core/util.js' {
  export const parseHeaders: typeof import('undici').util.parseHeaders;
}
declare module 'undici/lib/api/api-connect.js' {
  const value: import('undici').Dispatcher['connect'];
  export default value;
}

// Hoisted: a regular-expression literal in a function is a new object on every call.
const USER_INFO = /^([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]*@/i;

/** Remove `user:password@` from a URL before it is printed or stored in a report. */
export function redactUrl(url: string): string {
  if (!url.includes('@')) return url;
  return url.replace(USER_INFO, '$1');
}

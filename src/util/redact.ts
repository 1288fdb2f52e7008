/** Remove `user:password@` from a URL before it is printed or stored in a report. */
export function redactUrl(url: string): string {
  if (!url.includes('@')) return url;
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]*@/i, '$1');
}

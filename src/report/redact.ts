import { redactUrl } from '../util/redact.js';

/** `scheme://user:password@` or `//user@` anywhere in a text (a link text or a detail sentence may hold an URL). */
const CREDENTIALS_IN_TEXT = /((?:\b[a-z][a-z0-9+.-]*:)?\/\/)[^/?#@\s]*@/gi;

/** Remove credentials from every URL inside a free text. */
export function redactText(text: string): string {
  // No `@`, no credentials: most texts, spared a scan that tries a scheme at every position.
  if (!text.includes('@')) return text;
  return text.replace(CREDENTIALS_IN_TEXT, '$1');
}

/** Remove credentials from an URL field (the whole value is one URL, possibly protocol-relative). */
export function redactField(url: string): string {
  return redactText(redactUrl(url));
}

/**
 * Strip every control character (C0, DEL, C1) and the Unicode bidi overrides from a string that will reach
 * a terminal, so that input cannot carry escape sequences. Tabs and newlines become spaces.
 */
export function stripControl(text: string): string {
  return text
    .replace(/[\t\n\r]/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

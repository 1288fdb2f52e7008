/**
 * htmlparser2's tokenizer, reading runs of plain characters at once. Its `parse` loop calls the current state's
 * method for every character; in text and in quoted attribute values that method does nothing for any character
 * but two (`<` or the quote, and `&` which starts an entity). Most of a page is such runs, and this loop, a switch
 * and a method call per character, was the largest part of scanning a page (about 55 µs of a 3 KB page). Here
 * those two states step over a run to the character before the next that matters (found by the string's own
 * search, 20 times faster than a loop over the characters), and `parse` steps onto it:
 * every event is the one the stock tokenizer gives, at the same positions (the scanner's oracle test compares the
 * two on every meeting of markup it knows).
 *
 * The methods are private in htmlparser2's types, so the subclass sets them on its prototype.
 */
import { Tokenizer } from 'htmlparser2';

/** The tokenizer's own fields this reads (private in its types), and the skipper's own. */
interface TokenizerFields {
  /** The text being read; `index - offset` is the position in it of the character being read. */
  buffer: string;
  index: number;
  offset: number;
  /**
   * The last search for `&`: in `ampIn`, from `ampFrom`, found at `ampAt` (its length when there was none). `&` is
   * rare, and a search from every run would read the rest of the text each time. It answers for a later search
   * that starts between the two, in the same text (strings compare by content: a later piece of the page may be
   * the same text, where the answer holds as well, but only from the same place on).
   */
  ampIn: string | undefined;
  ampFrom: number;
  ampAt: number;
}

type StateMethod = (this: TokenizerFields, code: number) => void;

const LT = 0x3c;
const AMP = 0x26;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/**
 * Move the tokenizer from a plain character to the one before the next `stop` or `&` (its `parse` loop then
 * steps onto that one), or to the last character of the buffer when there is none (the loop then ends, and the
 * text read so far is handed over as it would have been). Both are found by the string's own search.
 */
function skipRun(tokenizer: TokenizerFields, stop: string): void {
  const { buffer, offset } = tokenizer;
  const from = tokenizer.index - offset + 1;
  if (tokenizer.ampIn !== buffer || from < tokenizer.ampFrom || from > tokenizer.ampAt) {
    const amp = buffer.indexOf('&', from);
    tokenizer.ampIn = buffer;
    tokenizer.ampFrom = from;
    tokenizer.ampAt = amp < 0 ? buffer.length : amp;
  }
  const found = buffer.indexOf(stop, from);
  const next = Math.min(found < 0 ? buffer.length : found, tokenizer.ampAt);
  tokenizer.index = next + offset - 1;
}

const stock = Tokenizer.prototype as unknown as Record<string, StateMethod>;

/** A state method that hands `stop` and `&` to the stock method and steps over every other character. */
function skipping(name: string, stop: number): StateMethod {
  const original = stock[name];
  if (typeof original !== 'function') throw new Error(`htmlparser2's tokenizer has no ${name}`);
  const stopText = String.fromCharCode(stop);
  return function (this: TokenizerFields, code: number): void {
    if (code === stop || code === AMP) original.call(this, code);
    else skipRun(this, stopText);
  };
}

export class RunSkippingTokenizer extends Tokenizer {
  // Declared here so that every tokenizer has them from the start (one shape), not added by the first skip.
  ampIn: string | undefined = undefined;
  ampFrom = 0;
  ampAt = -1;
}

Object.assign(RunSkippingTokenizer.prototype, {
  stateText: skipping('stateText', LT),
  stateInAttributeValueDoubleQuotes: skipping('stateInAttributeValueDoubleQuotes', DOUBLE_QUOTE),
  stateInAttributeValueSingleQuotes: skipping('stateInAttributeValueSingleQuotes', SINGLE_QUOTE),
});

/**
 * htmlparser2's tokenizer, reading runs of plain characters at once. Its `parse` loop calls the current state's
 * method for every character; in text and in quoted attribute values that method does nothing for any character
 * but two (`<` or the quote, and `&` which starts an entity). Most of a page is such runs, and this loop, a switch
 * and a method call per character, was the largest part of scanning a page (about 55 µs of a 3 KB page). Here
 * those two states step over a run to the character before the next that matters, and `parse` steps onto it:
 * every event is the one the stock tokenizer gives, at the same positions (the scanner's oracle test compares the
 * two on every meeting of markup it knows).
 *
 * The methods are private in htmlparser2's types, so the subclass sets them on its prototype.
 */
import { Tokenizer } from 'htmlparser2';

/** The tokenizer's own fields this reads (private in its types). */
interface TokenizerFields {
  /** The text being read; `index - offset` is the position in it of the character being read. */
  buffer: string;
  index: number;
  offset: number;
}

type StateMethod = (this: TokenizerFields, code: number) => void;

const LT = 0x3c;
const AMP = 0x26;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/**
 * Move the tokenizer from a plain character to the one before the next `stop` or `&` (its `parse` loop then
 * steps onto that one), or to the last character of the buffer when there is none (the loop then ends, and the
 * text read so far is handed over as it would have been).
 */
function skipRun(tokenizer: TokenizerFields, stop: number): void {
  const { buffer, offset } = tokenizer;
  const length = buffer.length;
  let at = tokenizer.index - offset + 1;
  while (at < length) {
    const code = buffer.charCodeAt(at);
    if (code === stop || code === AMP) break;
    at += 1;
  }
  tokenizer.index = at + offset - 1;
}

const stock = Tokenizer.prototype as unknown as Record<string, StateMethod>;

/** A state method that hands `stop` and `&` to the stock method and steps over every other character. */
function skipping(name: string, stop: number): StateMethod {
  const original = stock[name];
  if (typeof original !== 'function') throw new Error(`htmlparser2's tokenizer has no ${name}`);
  return function (this: TokenizerFields, code: number): void {
    if (code === stop || code === AMP) original.call(this, code);
    else skipRun(this, stop);
  };
}

export class RunSkippingTokenizer extends Tokenizer {}

Object.assign(RunSkippingTokenizer.prototype, {
  stateText: skipping('stateText', LT),
  stateInAttributeValueDoubleQuotes: skipping('stateInAttributeValueDoubleQuotes', DOUBLE_QUOTE),
  stateInAttributeValueSingleQuotes: skipping('stateInAttributeValueSingleQuotes', SINGLE_QUOTE),
});

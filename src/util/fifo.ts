/** Entries taken before the array is compacted: a long queue is read from its head, not shifted. */
const COMPACT_AT = 1024;

/**
 * A first-in first-out queue whose `shift` does not move the rest (a host may have thousands waiting). A taken
 * entry is let go at once, and the array starts over when the queue runs empty.
 */
export class Fifo<T> {
  #items: (T | undefined)[] = [];
  #head = 0;

  get size(): number {
    return this.#items.length - this.#head;
  }

  push(item: T): void {
    this.#items.push(item);
  }

  /** The oldest entry, left in. Only when `size > 0`. */
  peek(): T {
    return this.#items[this.#head] as T;
  }

  /** The oldest entry, taken out. Only when `size > 0`. */
  shift(): T {
    const item = this.#items[this.#head] as T;
    this.#items[this.#head] = undefined;
    this.#head += 1;
    if (this.#head === this.#items.length) {
      this.#items = [];
      this.#head = 0;
    } else if (this.#head >= COMPACT_AT && this.#head * 2 >= this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }
}

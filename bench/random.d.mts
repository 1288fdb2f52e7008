/** Types of bench/random.mjs, for the tests that draw from it. */
export declare function createRandom(seed: number): () => number;

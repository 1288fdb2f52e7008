/**
 * The drift comparison on real pages' title histories (test/drift/pairs.ts): every pair through `summarize` and
 * `compare`, then precision and recall over the set. Precision must be 1 (no page flagged that is the same page);
 * recall at least 0.9.
 */
import { describe, expect, it } from 'vitest';
import { compare, summarize, type PageSummary } from '../../src/drift/index.js';
import { PAIRS, type PageSide } from './pairs.js';

function summaryOf(side: PageSide): PageSummary {
  return summarize({ title: side.title, heading: side.heading, opening: side.opening, text: `${side.heading} ${side.opening} ${side.text ?? ''}`.trim() });
}

const outcomes = PAIRS.map((pair) => ({ pair, result: compare(summaryOf(pair.then), summaryOf(pair.now), new URL(pair.url).hostname) }));

describe('drift comparison on real title histories', () => {
  it('has at least 40 pairs, both sides', () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(40);
    expect(PAIRS.filter((pair) => pair.changed).length).toBeGreaterThanOrEqual(15);
    expect(PAIRS.filter((pair) => !pair.changed).length).toBeGreaterThanOrEqual(15);
    expect(new Set(PAIRS.map((pair) => pair.id)).size).toBe(PAIRS.length);
  });

  it.each(outcomes.map(({ pair, result }) => [pair.id, pair.changed, result] as const))('%s: changed = %s', (_, changed, result) => {
    // The why is printed on failure: it names the measure that decided.
    expect({ changed: result.changed, why: result.why }).toMatchObject({ changed });
  });

  it('precision 1.0 and recall ≥ 0.9 over the set', () => {
    const truePositives = outcomes.filter(({ pair, result }) => pair.changed && result.changed).length;
    const falsePositives = outcomes.filter(({ pair, result }) => !pair.changed && result.changed).length;
    const falseNegatives = outcomes.filter(({ pair, result }) => pair.changed && !result.changed).length;
    const precision = truePositives / (truePositives + falsePositives);
    const recall = truePositives / (truePositives + falseNegatives);
    console.log(`drift pairs: ${PAIRS.length} (${truePositives + falseNegatives} changed); precision ${precision.toFixed(3)} (${falsePositives} false "changed"), recall ${recall.toFixed(3)} (${falseNegatives} missed)`);
    expect(precision).toBe(1);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});

export { planFixes } from './plan.js';
export type { FixEdit, FixPlan } from './plan.js';
export { applyEdits } from './apply.js';
export { unifiedDiff, DIFF_CONTEXT_LINES } from './diff.js';
export { fixFile } from './write.js';
export { chooseSuggestion } from './choose.js';

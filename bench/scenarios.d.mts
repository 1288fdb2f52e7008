/** Types of bench/scenarios.mjs, for the TypeScript test of the simulated web. */
import type { Route, Truth } from './sim-web.mjs';

export interface ScenarioSpec {
  name: string;
  hosts: number;
  posts: number;
  links: number;
  seed: number;
  /** Working pages answer real-sized articles (the `pages` scenario). */
  realPages?: boolean;
}
export interface ScenarioLink {
  url: string;
  mode: string;
  truth: Truth;
  host: string;
  image: boolean;
}
export interface Scenario {
  spec: ScenarioSpec;
  links: ScenarioLink[];
  routes: Map<string, Route>;
  posts: Array<{ file: string; text: string }>;
}
export declare const MAIN: Readonly<ScenarioSpec>;
export declare const MIX: Readonly<ScenarioSpec>;
export declare const PAGES: Readonly<ScenarioSpec>;
export declare const LOAD: Readonly<ScenarioSpec>;
export declare const ARCHIVE_DOWN: Readonly<ScenarioSpec>;
export declare const MIX_WEIGHTS: Readonly<Record<string, number>>;
export declare const MIX_HOST_MODES: readonly string[];
export declare const LOAD_WEIGHTS: Readonly<Record<string, number>>;
export declare const EXPECTED_STATE_BY_MODE: Readonly<Record<string, string>>;
export declare function createRandom(seed: number): () => number;
export declare function buildScenario(spec: ScenarioSpec, addresses: string[], origin: (address: string) => string): Scenario;
export declare function writeScenario(scenario: Scenario, dir: string): Promise<void>;

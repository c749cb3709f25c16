/** What a scenario file in tests/lab/scenarios/ exports (as `default`), and what the runner gives it. */
import type { Lab, TopologyOptions } from './harness';

export interface ScenarioContext {
  /** `--quick`: measure a representative subset. */
  readonly quick: boolean;
  /** Report progress: the step being done and, optionally, how many of how many. */
  progress(step: string, done?: number, total?: number): void;
  /** A fresh topology; torn down by the runner after the scenario (or earlier with `lab.teardown()`). */
  lab(options?: TopologyOptions): Promise<Lab>;
}

/** One disagreement between what the packets showed and what a model (or the committed result) says. */
export interface Difference {
  /** Which measurement, e.g. `IPv4 aes128gcm16 inner 100`. */
  what: string;
  expected: number | string;
  measured: number | string;
  /** Where `expected` comes from, e.g. `src/lib/overhead packetSize`. */
  source: string;
}

export interface ScenarioResult {
  /** The exact settings (proposals, sweeps, configuration options) that produced the records. */
  settings: unknown;
  /** One object per measurement, each with a unique string `id`, in a deterministic order. */
  records: { id: string; [key: string]: unknown }[];
  /** Model checks; the runner adds a comparison with the committed result file. */
  differences: Difference[];
}

export interface Scenario {
  /** Equals the file name without `.ts`. */
  name: string;
  description: string;
  /** Needs libreswan unpacked (tests/lab/libreswan.ts); the runner fetches it before the run. */
  libreswan?: boolean;
  run(ctx: ScenarioContext): Promise<ScenarioResult>;
}

/**
 * What the full calculator page shows beside the result: the comparison with the other protocols,
 * the efficiency chart and the settings to paste. Chapter embeds show only the result, so this is
 * computed (and shipped) only by the tool page.
 */
import { comparisonRows, type ComparisonRow } from './comparison';
import { efficiencyChart, type EfficiencyChart } from './chart';
import { computeResult, type CalculatorResult } from './result';
import { settingsSnippets, type Snippet } from './snippets';
import { stateQuery, type CalculatorState } from './state';

export interface PanelsView {
  readonly rows: readonly ComparisonRow[];
  readonly chart: EfficiencyChart | null;
  /** Empty until the tunnel MTU and MSS are known. */
  readonly snippets: readonly Snippet[];
}

export function panelsView(state: CalculatorState, result: CalculatorResult): PanelsView {
  const rows = comparisonRows(state);
  const path = result.path;
  const snippets =
    result.spec !== null && path !== null && path.mss !== null
      ? settingsSnippets({ protocol: result.spec.protocol, inner: result.spec.inner, maxInner: path.maxInner, mss: path.mss })
      : [];
  return { rows, chart: efficiencyChart(rows), snippets };
}

export interface CalculatorView extends PanelsView {
  readonly result: CalculatorResult;
  /** The state as a query string (without '?'). */
  readonly query: string;
}

/** Everything the tool page recomputes on one keystroke (used by tests and the benchmark). */
export function calculatorView(state: CalculatorState): CalculatorView {
  const result = computeResult(state);
  return { result, query: stateQuery(state), ...panelsView(state, result) };
}

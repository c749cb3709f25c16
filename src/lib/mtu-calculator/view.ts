/**
 * Everything the calculator island shows for one state, computed in one call on every change.
 */
import { comparisonRows, type ComparisonRow } from './comparison';
import { efficiencyChart, type EfficiencyChart } from './chart';
import { computeResult, type CalculatorResult } from './result';
import { settingsSnippets, type Snippet } from './snippets';
import { stateQuery, type CalculatorState } from './state';

export interface CalculatorView {
  readonly result: CalculatorResult;
  readonly rows: readonly ComparisonRow[];
  readonly chart: EfficiencyChart | null;
  /** Empty until the tunnel MTU and MSS are known. */
  readonly snippets: readonly Snippet[];
  /** The state as a query string (without '?'). */
  readonly query: string;
}

/**
 * The view for a state. With `panels: false` (the compact embed, which shows only the result
 * and the packet) the comparison, chart and settings are left empty and not computed.
 */
export function calculatorView(state: CalculatorState, { panels = true }: { panels?: boolean } = {}): CalculatorView {
  const result = computeResult(state);
  const query = stateQuery(state);
  if (!panels) return { result, rows: [], chart: null, snippets: [], query };
  const rows = comparisonRows(state);
  const path = result.path;
  const snippets =
    result.spec !== null && path !== null && path.mss !== null
      ? settingsSnippets({ protocol: result.spec.protocol, inner: result.spec.inner, maxInner: path.maxInner, mss: path.mss })
      : [];
  return { result, rows, chart: efficiencyChart(rows), snippets, query };
}

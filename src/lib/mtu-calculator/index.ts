/**
 * The MTU and overhead calculator's logic: URL state, results, comparison, chart and settings.
 * Pure TypeScript over src/lib/overhead; the Svelte islands in src/components/mtu only render it.
 */
export { MTU_URL_STATE, DEFAULT_STATE, CHOICES, FORM_FIELDS, stateQuery, type CalculatorState, type FormField } from './state';
export { PATH_MTU_PRESETS, ESP_SUGGESTIONS, presetState, presetMatches, matchingPreset, type PathMtuPreset, type EspSuggestion } from './presets';
export { specOf, parseNumberField, type FieldErrors, type NumberParse } from './spec';
export { LAYER_LABELS, diagramLayers, type DiagramLayer, type Protection } from './layers';
export { tunnelMtuArithmetic, mssArithmetic, type TunnelMtuArithmetic, type Term } from './arithmetic';
export { computeResult, type CalculatorResult, type PacketResult, type PathResult } from './result';
export { comparisonRows, type ComparisonRow, type Cell } from './comparison';
export { efficiencyChart, type EfficiencyChart, type ChartLine, type Reading, type Point } from './chart';
export { linearScale, niceTicks, linePath, type Frame, type Scale } from './plot';
export { settingsSnippets, snippetText, type Snippet, type Token, type TokenKind, type SnippetInput } from './snippets';
export { calculatorView, panelsView, type CalculatorView, type PanelsView } from './view';
export { changeProtocol, encapsulationsFor } from './edits';
export { FIELD_NAMES, PROTOCOL_NAMES, FAMILY_FIELDS, HEADER_OPTIONS, TYPING_PAUSE_MS, encapsulationOptions, errorList, mixedL2tpAdvice, presetSelection, pressedPathMtu, usesEsp } from './form';
export { INNER_CAP, packetBar, type PacketBar, type BarSegment, type Bracket } from './diagram';

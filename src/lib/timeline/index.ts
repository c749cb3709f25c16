/**
 * The handshake timeline island's logic: URL state, the mapping to the handshake model, the
 * sequence diagram as geometry, the totals and the message table as text. Pure TypeScript;
 * src/components/timeline only renders what these return.
 *
 *   const { state, notices } = TIMELINE_URL_STATE.decode(location.search);
 *   const run = runTimeline(state);          // { ok: true, comparison } | { ok: false, errors }
 *   if (run.ok) timelineDiagram(run.comparison), totalRows(run.comparison), messageRows(run.comparison.ikev2)
 */
export { DEFAULT_TIMELINE_STATE, TIMELINE_CHOICES, TIMELINE_FIELDS, TIMELINE_URL_STATE, fieldMatters, timelineQuery } from './state';
export type { TimelineField, TimelineState } from './state';
export { runTimeline, toOverrides } from './run';
export type { FieldError, TimelineRun } from './run';
export { DIAGRAM_WIDTH, LINE_HEIGHT, shortName, timelineDiagram } from './diagram';
export type { BreakMark, DiagramArrow, DiagramBand, DiagramLabel, DiagramPanel, LayerKey, TimelineDiagram } from './diagram';
export { BREAK_RATIO, buildTimeAxis, busyStretches, gapsToCut, yAt } from './axis';
export type { AxisPiece, AxisTick, Interval, TimeAxis } from './axis';
export { axisUnit, niceStep, tickLabel, ticksBetween } from './ticks';
export { stackLabels, wrapText } from './labels';
export { formatBytes, formatCount, formatDuration, formatProbability } from './format';
export { lossCaption, resultSummary, totalRows } from './totals';
export type { TotalCell, TotalKey, TotalRow } from './totals';
export { messageRows } from './table';
export type { MessageRow } from './table';
export { detectionRows, scheduleRows } from './schedules';
export type { DetectionRow, ScheduleRow } from './schedules';
export { noScriptNotice, settingSummary } from './setting';
export { formGroups } from './form';
export type { ChoiceOption, FormControl, FormGroup } from './form';

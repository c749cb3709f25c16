/** The troubleshooter: log and error-code diagnosis, and redaction. */
export { diagnoseLog, diagnoseLines, type Diagnosis, type Cause, type Link, type Outcome, type Step } from './diagnose';
export { LOG_CAUSES, LOG_CAUSE_IDS, WINDOWS_CAUSE_IDS, WINDOWS_SECTIONS, CHAPTER_PATH, type CauseId, type LogCauseId, type Stage } from './causes';
export { parseLines, parseLine, MAX_LINE_CHARS, type LogLine } from './lines';
export { parseLoggedProposals, proposalParameter, type LoggedProposal } from './proposals';
export { redactLog, type Redaction } from './redact';
export { WINDOWS_CODES, windowsCode, findWindowsCode, parseWindowsCodeField, type WindowsCode } from './windows';
export { TROUBLESHOOT_URL_STATE, type TroubleshootState } from './state';
export { EXAMPLES, type Example } from './examples';
export { diagnosisMeta, lineCount, lookupWindowsCode, stepText } from './view';

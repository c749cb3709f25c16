// What the compact embed loads on first use (a dynamic import), without the examples.
export { diagnoseLog } from '../../lib/troubleshoot/diagnose';
export { lookupWindowsCode } from '../../lib/troubleshoot/view';
export { WINDOWS_SECTIONS } from '../../lib/troubleshoot/causes';

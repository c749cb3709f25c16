// Diagnoses large pasted logs off the main thread, so the page never freezes while a log of
// several megabytes is read. A same-origin module file (the CSP allows no blob: workers).
import { diagnoseLog } from '../../lib/troubleshoot';

self.onmessage = (event: MessageEvent<{ id: number; text: string }>) => {
  const { id, text } = event.data;
  self.postMessage({ id, diagnosis: diagnoseLog(text) });
};

/**
 * Numbers as the timeline shows them: durations with a precision that suits their size,
 * probabilities that never round a possible event to 0 % or a likely failure to 100 %, byte
 * counts with thousands separators. Every function returns text for every finite input.
 */

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1,664 */
export function formatCount(value: number): string {
  return GROUPED.format(value);
}

/** 1,664 bytes; 1 byte */
export function formatBytes(bytes: number): string {
  return `${formatCount(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

/** Trailing zeros of a fixed-point string removed: '1.50' -> '1.5', '2.0' -> '2'. */
function trimZeros(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/**
 * A duration: '0 ms', '5.5 ms', '111 ms', '1.25 s', '15.7 s', '2 min 16 s', '1 h 5 min'.
 * Below 10 ms one decimal, below 1 s whole milliseconds, below a minute three significant
 * digits, then minutes and whole seconds, then hours and minutes.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`not a duration: ${ms}`);
  const sign = ms < 0 ? '−' : '';
  const size = Math.abs(ms);
  if (size < 9.95) return `${sign}${trimZeros(size.toFixed(1))} ms`;
  if (size < 999.5) return `${sign}${Math.round(size)} ms`;
  if (size < 59_950) {
    const seconds = size / 1000;
    const decimals = seconds < 9.995 ? 2 : 1;
    return `${sign}${trimZeros(seconds.toFixed(decimals))} s`;
  }
  const totalSeconds = Math.round(size / 1000);
  if (totalSeconds < 3600) {
    const minutes = Math.floor(totalSeconds / 60);
    return `${sign}${minutes} min ${totalSeconds - minutes * 60} s`;
  }
  const totalMinutes = Math.round(size / 60_000);
  const hours = Math.floor(totalMinutes / 60);
  return `${sign}${hours} h ${totalMinutes - hours * 60} min`;
}

/**
 * A probability as a percentage with two significant digits: '0 %' only for exactly 0 and
 * '100 %' only for exactly 1; '< 0.001 %' and '> 99.999 %' for what would round to either.
 */
export function formatProbability(p: number): string {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`not a probability: ${p}`);
  if (p === 0) return '0 %';
  if (p === 1) return '100 %';
  const percent = p * 100;
  if (percent < 0.001) return '< 0.001 %';
  if (percent > 99.999) return '> 99.999 %';
  if (percent > 99) {
    // Two significant digits of what is missing to 100 %: 99.95 %, not 100 %.
    const missing = Number((100 - percent).toPrecision(2));
    const decimals = Math.max(0, -Math.floor(Math.log10(missing)) + 1);
    return `${trimZeros((100 - missing).toFixed(decimals))} %`;
  }
  return `${trimZeros(Number(percent.toPrecision(2)).toFixed(Math.max(0, 1 - Math.floor(Math.log10(percent)))))} %`;
}

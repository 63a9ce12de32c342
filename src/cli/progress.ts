import { formatClock } from '../transcript/timestamp.js';

interface Progress {
  tick(): void;
  /** Clears the bar's line (before other text goes to the same terminal); the next tick draws it again. */
  clear(): void;
  done(): void;
}

const SILENT: Progress = { tick: () => undefined, clear: () => undefined, done: () => undefined };
/** The first files are slow (workers start, packs compile): no estimate until this much has been seen. */
const WARM_UP = { files: 10, ms: 2000 };

/**
 * A one-line progress bar on stderr (files done, rate, ETA) for long runs at a terminal; nothing in CI,
 * when stderr is not a terminal, or for short runs.
 */
export function progressBar(
  stderr: { write(s: string): unknown; isTTY?: boolean },
  env: Record<string, string | undefined>,
  total: number | undefined,
  wanted = true,
): Progress {
  if (!wanted || !stderr.isTTY || env.CI || (total !== undefined && total < 20)) return SILENT;
  const started = Date.now();
  let done = 0;
  let drawn = 0;
  let shown = false;
  // The rate is measured from the end of the warm-up, so start-up costs do not inflate the estimate.
  let mark: { at: number; done: number } | undefined;
  const draw = () => {
    const now = Date.now();
    if (!mark && done >= WARM_UP.files && now - started >= WARM_UP.ms) mark = { at: now, done };
    const seconds = mark ? (now - mark.at) / 1000 : 0;
    const rate = mark && seconds > 0 ? (done - mark.done) / seconds : 0;
    const width = 24;
    const bar = total ? `[${'#'.repeat(Math.round((done / total) * width)).padEnd(width, '-')}] ` : '';
    const eta = total && rate > 0 ? ` · ETA ${formatClock(((total - done) / rate) * 1000)}` : '';
    stderr.write(`\r\u001b[K${bar}${done}${total ? `/${total}` : ''} files${rate > 0 ? ` · ${rate.toFixed(0)}/s` : ''}${eta}`);
    shown = true;
  };
  return {
    tick: () => {
      done++;
      if (Date.now() - drawn > 100) {
        drawn = Date.now();
        draw();
      }
    },
    clear: () => {
      if (shown) stderr.write('\r\u001b[K');
      shown = false;
      drawn = 0;
    },
    done: () => {
      if (shown) stderr.write('\r\u001b[K');
      shown = false;
    },
  };
}

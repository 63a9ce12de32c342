import { formatClock } from '../transcript/timestamp.js';

interface Progress {
  tick(): void;
  done(): void;
}

const SILENT: Progress = { tick: () => undefined, done: () => undefined };

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
  const draw = () => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const width = 24;
    const bar = total ? `[${'#'.repeat(Math.round((done / total) * width)).padEnd(width, '-')}] ` : '';
    const eta = total && rate > 0 ? ` · ETA ${formatClock(((total - done) / rate) * 1000)}` : '';
    stderr.write(`\r\u001b[K${bar}${done}${total ? `/${total}` : ''} files · ${rate.toFixed(0)}/s${eta}`);
  };
  return {
    tick: () => {
      done++;
      if (Date.now() - drawn > 100) {
        drawn = Date.now();
        draw();
      }
    },
    done: () => {
      draw();
      stderr.write('\n');
    },
  };
}

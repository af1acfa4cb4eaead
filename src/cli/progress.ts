import cliProgress from 'cli-progress';
import type { CliIO } from './io.js';

export interface Progress {
  tick(label: string, counts: Record<string, number>): void;
  /** Print a line above the bar (an error for one input) without breaking it. */
  log(line: string): void;
  stop(): void;
}

/** A progress bar on stderr when it is a terminal; silent otherwise, so pipes and logs stay clean. */
export function createProgress(total: number, io: CliIO): Progress {
  const isTTY = Boolean(io.stderr.isTTY) && !io.env.CI;
  if (!isTTY || total < 2) {
    return {
      tick() {},
      log(line) { io.stderr.write(line + '\n'); },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr as NodeJS.WriteStream,
      format: '{bar} {value}/{total} inputs | {added} added, {failed} failed | {label}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { added: 0, failed: 0, label: '' });
  return {
    tick(label, counts) { bar.increment(1, { ...counts, label: label.length > 40 ? '…' + label.slice(-39) : label }); },
    log(line) {
      // cli-progress redraws over the current line: clear it, print, let the next tick redraw.
      io.stderr.write('\r\x1b[K' + line + '\n');
    },
    stop() { bar.stop(); },
  };
}

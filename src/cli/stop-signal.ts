/**
 * Waiting for Ctrl-C (SIGINT) or SIGTERM in a long-running command, so it can finish the work in hand
 * and close what it opened before it exits. The listeners stay installed until the command is done:
 * a library that re-raises a signal when no one else listens for it would otherwise end the process
 * in the middle of its shutdown.
 */

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Listen for a stop signal: `stopped` resolves on the first one; call `release` once shut down. */
export function listenForStop(): { stopped: Promise<NodeJS.Signals>; readonly received: boolean; release(): void } {
  let received = false;
  let resolve!: (signal: NodeJS.Signals) => void;
  const stopped = new Promise<NodeJS.Signals>((r) => (resolve = r));
  const onSignal = (signal: NodeJS.Signals) => {
    received = true;
    resolve(signal);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  return {
    stopped,
    get received() { return received; },
    release: () => { for (const s of SIGNALS) process.off(s, onSignal); },
  };
}

/** One evaluation task's result: a printed table and named metrics that `baseline.json` can pin floors on. */
export interface EvalResult {
  /** Short task name, e.g. `extraction-html`; floors are keyed `task.metric`. */
  readonly task: string;
  /** What was measured, e.g. `91 pages of ../shared/eval-data/extraction`. */
  readonly data: string;
  /** A table to print: one row per system or label. */
  readonly rows: ReadonlyArray<Record<string, string | number | null>>;
  /** Metrics of Parallax itself, compared with floors in eval/baseline.json. */
  readonly metrics: Readonly<Record<string, number>>;
  /** Lines printed after the table (an error list, say). */
  readonly notes?: readonly string[];
  /** Set when the data is absent: the task is reported as skipped, with this reason. */
  readonly skipped?: string;
}

export interface EvalTask {
  readonly name: string;
  run(): Promise<EvalResult>;
}

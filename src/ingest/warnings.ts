/**
 * A recoverable problem found while reading an input (a wrong charset
 * declaration, an unparsable date). Shaped so the caller can copy it into
 * `doc.messages` with `level: 'warning', stage: 'ingest'`.
 */
export interface IngestWarning {
  readonly code: string;
  readonly reason: string;
}

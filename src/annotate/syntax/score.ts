/**
 * Attachment scores against gold trees: UAS (right head), LAS (right head and
 * label, subtypes included), LAS on the universal part of the label (the CoNLL
 * 2018 shared task's LAS: "nsubj:pass" counts as "nsubj") and UPOS accuracy.
 * Every word counts, punctuation included, as in the UD shared tasks.
 */
export interface AttachmentScores {
  readonly words: number;
  readonly upos: number;
  readonly uas: number;
  readonly las: number;
  readonly lasUniversal: number;
}

/** Running counts of right heads, labels and tags. */
export class AttachmentCounter {
  private words = 0;
  private tags = 0;
  private heads = 0;
  private labelled = 0;
  private universal = 0;

  /** Count one word: its gold and predicted tag, head and label. */
  add(gold: { tag: string; head: number; rel: string }, predicted: { tag: string; head: number; rel: string }): void {
    this.words++;
    if (gold.tag === predicted.tag) this.tags++;
    if (gold.head !== predicted.head) return;
    this.heads++;
    if (gold.rel === predicted.rel) this.labelled++;
    if (gold.rel.split(':')[0] === predicted.rel.split(':')[0]) this.universal++;
  }

  scores(): AttachmentScores {
    const share = (k: number): number => (this.words === 0 ? 0 : k / this.words);
    return { words: this.words, upos: share(this.tags), uas: share(this.heads), las: share(this.labelled), lasUniversal: share(this.universal) };
  }
}

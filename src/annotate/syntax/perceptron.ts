/**
 * A multiclass averaged perceptron over 32-bit feature keys, for training.
 * Averaging uses Daumé's trick: beside the weights `w` it keeps `u`, the sum
 * of each update times the step it was made at, and the average is
 * `w - u / steps`, so no per-weight timestamps are needed.
 */
import { storeWeights, type StoredWeights, type WeightRow } from './weights.js';

export class AveragedPerceptron {
  private readonly rowOf = new Map<number, number>();
  private keys = new Int32Array(1024);
  private w: Float64Array;
  private u: Float64Array;
  /** Training steps so far (instances seen), starting at 1. */
  private step = 1;

  constructor(readonly classes: number) {
    this.w = new Float64Array(1024 * classes);
    this.u = new Float64Array(1024 * classes);
  }

  get rows(): number {
    return this.rowOf.size;
  }

  /** Add the current weights of the features to `scores`. */
  score(features: Int32Array, count: number, scores: Float64Array): void {
    const n = this.classes;
    for (let f = 0; f < count; f++) {
      const row = this.rowOf.get(features[f]!);
      if (row === undefined) continue;
      const base = row * n;
      for (let c = 0; c < n; c++) scores[c]! += this.w[base + c]!;
    }
  }

  /** Move the features' weights towards `truth` and away from `guess`. */
  update(features: Int32Array, count: number, truth: number, guess: number): void {
    if (truth === guess) return;
    const n = this.classes;
    for (let f = 0; f < count; f++) {
      const base = this.row(features[f]!) * n;
      this.w[base + truth]! += 1;
      this.u[base + truth]! += this.step;
      this.w[base + guess]! -= 1;
      this.u[base + guess]! -= this.step;
    }
  }

  /** One training instance is done (advances the averaging clock). */
  tick(): void {
    this.step++;
  }

  private row(key: number): number {
    let row = this.rowOf.get(key);
    if (row !== undefined) return row;
    row = this.rowOf.size;
    this.rowOf.set(key, row);
    if (row >= this.keys.length) {
      const keys = new Int32Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
      const w = new Float64Array(keys.length * this.classes);
      w.set(this.w);
      this.w = w;
      const u = new Float64Array(keys.length * this.classes);
      u.set(this.u);
      this.u = u;
    }
    this.keys[row] = key;
    return row;
  }

  /** The averaged weights, row by row. */
  *averaged(): Generator<WeightRow> {
    const n = this.classes;
    const values = new Float64Array(n);
    for (let row = 0; row < this.rowOf.size; row++) {
      for (let c = 0; c < n; c++) values[c] = this.w[row * n + c]! - this.u[row * n + c]! / this.step;
      yield { key: this.keys[row]!, values };
    }
  }

  /** The averaged weights for a model file (see `storeWeights`). */
  store(prune: number): StoredWeights {
    return storeWeights(this.classes, this.averaged(), prune);
  }
}

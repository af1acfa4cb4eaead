/**
 * Summing picked rows of float32 weights, the inner loop of the linear models'
 * scoring. The rows are summed class by class, four classes at a time, in
 * locals: each row's place is read once per four classes and nothing is
 * written back until a class's sum is done, where adding each row into a
 * Float32Array of scores stores and reloads every class of every row.
 *
 * `Math.fround` after each addition keeps every partial sum a float32, so
 * each class's sum is the very number adding the rows one after the other
 * into a Float32Array gives (the same additions, in the same order, each
 * rounded the same way): the scores, and every decision on them, are unchanged.
 */

/**
 * Write to `out[outOffset + c]`, for each class c below `width`, the float32 sum from 0 of
 * `rows[k][offsets[k] + c]` for k = 0 … count - 1, added in that order.
 */
export function sumRows(
  rows: readonly ArrayLike<number>[], offsets: Int32Array, count: number, width: number, out: Float32Array, outOffset: number,
): void {
  let t = 0;
  for (; t + 4 <= width; t += 4) {
    let a = 0, b = 0, c = 0, d = 0;
    for (let k = 0; k < count; k++) {
      const row = rows[k]!;
      const o = offsets[k]! + t;
      a = Math.fround(a + row[o]!);
      b = Math.fround(b + row[o + 1]!);
      c = Math.fround(c + row[o + 2]!);
      d = Math.fround(d + row[o + 3]!);
    }
    out[outOffset + t] = a;
    out[outOffset + t + 1] = b;
    out[outOffset + t + 2] = c;
    out[outOffset + t + 3] = d;
  }
  const left = width - t;
  if (left === 0) return;
  // the last one to three classes, in one pass over the rows
  let a = 0, b = 0, c = 0;
  for (let k = 0; k < count; k++) {
    const row = rows[k]!;
    const o = offsets[k]! + t;
    a = Math.fround(a + row[o]!);
    if (left > 1) b = Math.fround(b + row[o + 1]!);
    if (left > 2) c = Math.fround(c + row[o + 2]!);
  }
  out[outOffset + t] = a;
  if (left > 1) out[outOffset + t + 1] = b;
  if (left > 2) out[outOffset + t + 2] = c;
}

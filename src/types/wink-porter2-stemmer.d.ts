/** Types for wink-porter2-stemmer (the Porter2 / Snowball English stemmer), which ships none. */
declare module 'wink-porter2-stemmer' {
  /** The Porter2 stem of one lower-case English word: "negotiations" → "negoti". */
  function stem(word: string): string;
  export = stem;
}

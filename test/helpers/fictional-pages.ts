/** Small fictional articles written for the tests (not real news). */
export function fictionalArticleHtml(opts: { title: string; paragraphs: string[]; published?: string; charset?: string }): string {
  const ld = opts.published
    ? `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: opts.title, datePublished: opts.published, author: { '@type': 'Person', name: 'Mira Talvik' }, publisher: { '@type': 'Organization', name: 'The Northbay Courier' } })}</script>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="${opts.charset ?? 'utf-8'}"><title>${opts.title} | The Northbay Courier</title>${ld}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>${opts.title}</h1>${opts.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<footer>© 2025 The Northbay Courier. All rights reserved. Fictional test page.</footer></body></html>`;
}

export const HARBOUR_PARAGRAPHS = [
  'The harbour council of Veldmark voted on Tuesday to close the old ferry pier for repairs, ending a dispute that had divided the town for most of the year.',
  'Council chair Oskar Lindqvist said the decision was overdue. “The pier has been unsafe since the spring storms, and we could not wait any longer,” he told reporters after the vote.',
  'Fishermen who use the pier said they had not been consulted. The repairs are expected to take four months and cost about 2 million crowns, according to the council.',
];

export const ORCHARD_PARAGRAPHS = [
  'Growers in the Saltvik valley began the apple harvest a week early this year after an unusually warm summer, the regional farmers association said on Monday.',
  'Association spokesperson Hanna Berg said yields were up by a fifth on last year. “We have not seen a season like this in two decades,” she said.',
  'Buyers expect prices to fall as the early fruit reaches markets across the region in the coming weeks.',
];

export const LIGHTHOUSE_PARAGRAPHS = [
  'Keepers will return to the Skarholm lighthouse next spring for the first time in thirty years, the island trust announced on Wednesday, after volunteers raised the money to restore the keepers’ cottage.',
  'Trust director Eva Morn said the lamp would stay automatic but that the keepers would run tours and a weather station. “A lighthouse with nobody in it is only half a lighthouse,” she said.',
  'The restoration is expected to cost about 400,000 crowns and to take most of the winter.',
];

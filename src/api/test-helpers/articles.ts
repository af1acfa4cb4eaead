/**
 * Fictional articles for the API tests (invented people, places and outlets).
 */

export const HARBOUR_TEXT = `Veltria opens new harbour talks

By Tomas Rendell

PORT AVEN — The harbour minister of Veltria, Mara Quillon, said on Tuesday that talks with the Orsk Shipping Union would resume next week. "We are ready to sign, but not at any price," Quillon told reporters outside the ministry.

The union's chair, Ivo Brask, said the offer was "a step, not a solution". Brask added that dock workers would not strike before the talks.

Officials in Port Aven expect a first agreement by the end of the month, according to a statement from the ministry.`;

export const RIVER_TEXT = `Flooding closes the Lunor bridge

Heavy rain closed the Lunor bridge on Monday, the city council of Dremmen said. Council leader Anika Sorel said engineers would inspect the bridge before it reopens.

"Safety comes first, whatever the cost," Sorel said. Traffic was diverted through the old town, where shops reported fewer customers than usual during the week.`;

/** Markup meant to run if any layer ever interprets article data as HTML. */
export const HOSTILE_TITLE = `"><img src=x onerror=alert(1)><script>alert('t')</script>`;
export const HOSTILE_TEXT = `A test report on the Kessel festival <script>alert('x')</script> with an image <img src=x onerror="alert(2)"> and a <a href="javascript:alert(3)">link</a>.

Organisers of the Kessel festival said attendance rose this year, and the mayor, Lio Varnet, praised the volunteers who cleaned the square afterwards.`;

export const HARBOUR_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>Veltria harbour talks resume | The Aven Courier</title>
<meta property="og:site_name" content="The Aven Courier"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Veltria harbour talks resume</h1>
<p>The harbour minister of Veltria, Mara Quillon, said on Wednesday that the second round of talks with the Orsk Shipping Union had gone well and that a draft would follow.</p>
<p>"We listened more than we spoke," Quillon said after the meeting in Port Aven, adding that the union had asked for a written timetable.</p>
<p>Union chair Ivo Brask said his members would read the draft before making any promise about the summer season.</p>
</article><footer>© The Aven Courier</footer></body></html>`;

export function rssFeed(items: { title: string; body: string; link: string }[]): string {
  const entries = items
    .map((i) => `<item><title>${i.title}</title><link>${i.link}</link><pubDate>Tue, 04 Mar 2031 10:00:00 GMT</pubDate><description><![CDATA[${i.body}]]></description></item>`)
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>The Dremmen Ledger</title><link>https://ledger.example/</link>${entries}</channel></rss>`;
}

/** The harbour story again, from another outlet that spells the minister's surname with one "l". */
export const HARBOUR_FOLLOWUP_TEXT = `Harbour talks in Port Aven move to a draft

The Veltria harbour minister, Mara Quilon, said on Thursday that the Orsk Shipping Union had accepted a timetable for the harbour talks. Quilon said the draft would be published before the end of the month.

Ivo Brask, who chairs the union, told the Port Aven Gazette that dock workers wanted the draft in writing. "A timetable is not a contract," Brask said.`;

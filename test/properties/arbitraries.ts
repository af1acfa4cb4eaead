/** fast-check generators of article-like text: real-looking fragments mixed with anything at all. */
import fc from 'fast-check';

const WORDS = ['The', 'harbour', 'council', 'of', 'Veldmark', 'voted', 'on', 'Tuesday', 'Oskar', 'Lindqvist', 'said', 'told', 'reporters', 'U.S.', 'Mr.', 'Dr.', 'March', '2025', '12', 'million', 'crowns', 'two days later', 'last week', 'according to', 'the', 'Oskel Water Board', 'Hanna Berg', 'that', 'it', 'was', 'overdue'];
const MARKS = ['.', ',', ';', ':', '!', '?', '“', '”', '"', "'", '‘', '’', '(', ')', '—', '-', '\n', '\n\n', ' ', '  ', '\t', '…', '«', '»'];

/** Text of words, quotes, punctuation and line breaks in any order, with stray characters of any kind. */
export const articleText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...WORDS) }, { weight: 4, arbitrary: fc.constantFrom(...MARKS) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }), { maxLength: 300 })
  .map((parts) => parts.join(' '));

const TAGS = ['p', 'div', 'article', 'span', 'a', 'script', 'style', 'nav', 'h1', 'h2', 'blockquote', 'li', 'ul', 'table', 'td', 'br', 'time', 'meta', 'title', 'head', 'body', 'html', 'iframe'];

/** Markup of any shape: tags opened and not closed, closed and not opened, attributes, comments, text. */
export const markup: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(...TAGS).map((t) => `<${t}>`),
      fc.constantFrom(...TAGS).map((t) => `</${t}>`),
      fc.tuple(fc.constantFrom(...TAGS), fc.string({ maxLength: 20 })).map(([t, v]) => `<${t} class="${v}" data-x='${v}'>`),
      fc.constantFrom('<!-- note -->', '<!--', '-->', '<![CDATA[', ']]>', '&amp;', '&nbsp;', '&#x27;', '<', '>', '<script type="application/ld+json">{"@type":"NewsArticle","headline":"x"', '</script>'),
      articleText,
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

import { describe, expect, it } from 'vitest';
import { matchPersonNames, matchWord } from './match.js';
import { nameKey, nameWords } from './names.js';
import { isInitialismOf } from '../../annotate/entities/acronym.js';

/** Every pair of the spellings matches as a surname. */
function allMatch(spellings: string[]): void {
  for (const a of spellings) for (const b of spellings) {
    expect(matchWord(a.toLowerCase(), b.toLowerCase(), 'strict'), `${a} ~ ${b}`).toBeDefined();
  }
}

describe('transliteration classes (surnames, strict)', () => {
  it('b/p', () => allMatch(['Pourzamani', 'Bourzamani']));
  it('q/gh/k/c', () => allMatch(['Qasemzadeh', 'Ghasemzadeh', 'Kasemzadeh', 'Casemzadeh']));
  it('e/i/ee/y', () => allMatch(['Rahimi', 'Raheemi', 'Rahimy', 'Rahime']));
  it('ou/u/oo and w', () => {
    allMatch(['Nourbakhsh', 'Nurbakhsh', 'Noorbakhsh']);
    allMatch(['Rowshani', 'Roushani', 'Rushani']);
  });
  it('-ei/-ai/-ee/-ey/-ay endings', () => allMatch(['Darvazei', 'Darvazai', 'Darvazee', 'Darvazey', 'Darvazay']));
  it('kh/h/x', () => allMatch(['Khorasani', 'Horasani', 'Xorasani']));
  it('j/dj/zh', () => allMatch(['Jafari', 'Djafari', 'Zhafari']));
  it('ph/f and th/t', () => {
    allMatch(['Farahani', 'Pharahani']);
    allMatch(['Othmani', 'Otmani', 'Uthmani']);
  });
  it('doubled letters', () => allMatch(['Hassani', 'Hasani', 'Hassanni']));
  it('apostrophes, ayn and hamza', () => {
    allMatch(["Ka'bi", 'Kabi', 'Kaabi', 'Kaʿbi']);
    allMatch(["Sa'adi", 'Saadi', 'Sadi']);
  });
  it('o/a in an unstressed syllable only when the rest of a long name matches', () => {
    const m = matchWord('tavakolian', 'tavakalian', 'strict');
    expect(m?.differences).toEqual(['a/o']);
    // Short names with one vowel changed are often two different names.
    expect(matchWord('karimi', 'karami', 'strict')).toBeUndefined();
  });
  it('explains the letters that differ', () => {
    expect(matchWord('pezeshkiyan', 'bazeshkiyan', 'strict')?.differences).toEqual(['b/p', 'a/e']);
  });
  it('a changed consonant is not a transliteration', () => {
    expect(matchWord('araghchi', 'akhoundi', 'strict')).toBeUndefined();
    expect(matchWord('tabrizi', 'tabrizian', 'strict')).toBeUndefined();
    // A vowel added at the end changes the name: Pashkov and Pashkova are two people.
    expect(matchWord('dorvikov', 'dorvikova', 'strict')).toBeUndefined();
  });
});

describe('given names', () => {
  it('common given-name spellings match as given names', () => {
    for (const group of [['Esmaeil', 'Ismail', 'Ismael', 'Esmail'], ['Mohammad', 'Muhammad', 'Mohamed', 'Mohammed'], ['Hussein', 'Hossein'], ['Yusuf', 'Yousef']]) {
      for (const a of group) for (const b of group) expect(matchWord(a.toLowerCase(), b.toLowerCase(), 'given'), `${a} ~ ${b}`).toBeDefined();
    }
  });
  it('different given names do not match', () => {
    expect(matchWord('ali', 'ola', 'given')).toBeUndefined();
    expect(matchWord('abbas', 'ali', 'given')).toBeUndefined();
  });
  it('full names: surname variant with the same given name; a middle name may be left out', () => {
    expect(matchPersonNames(['masoud', 'bourzamani'], ['masoud', 'pourzamani'])?.surnameDifferences).toEqual(['b/p']);
    expect(matchPersonNames(['javad', 'kermani'], ['mohammad', 'javad', 'kermani'])?.omittedGiven).toEqual(['mohammad']);
    expect(matchPersonNames(['abbas', 'kermani'], ['ali', 'kermani'])).toBeUndefined();
  });
});

describe('reading names', () => {
  it('drops titles, honorifics, possessives and Arabic articles; hyphens are spaces', () => {
    expect(nameWords('Ayatollah Seyyed Reza Tabari’s')).toEqual(['reza', 'tabari']);
    expect(nameKey('Khalid al-Harbi')).toBe(nameKey('Khalid Al Harbi'));
    expect(nameKey('Zia ul-Haq')).toBe('zia haq');
    expect(nameKey('Farid Mehran-Tabar')).toBe(nameKey('Farid Mehran Tabar'));
    expect(nameKey('President Vantor')).toBe('vantor');
    expect(nameWords('Dale Ormond Jr.')).toEqual(['dale', 'ormond']);
  });
  it('initialisms, with or without dots and function words', () => {
    expect(isInitialismOf('U.S.', 'United States')).toBe(true);
    expect(isInitialismOf('NWSPOA', 'Northern Water Sharing Plan of Action')).toBe(true);
    expect(isInitialismOf('NWSPA', 'Northern Water Sharing Plan of Action')).toBe(true);
    expect(isInitialismOf('UK', 'United States')).toBe(false);
  });
});

describe('given names spelled from a script without short vowels', () => {
  it('one person when the consonants agree and only vowels are written differently', () => {
    const m = matchPersonNames(nameWords('Abdulhakam al-Tabouni'), nameWords('Abdel-Hokim al-Tabouni'));
    expect(m).toBeDefined();
    expect(m?.omittedGiven).toEqual([]);
    expect(matchPersonNames(nameWords('Nasreddin Qorvani'), nameWords('Nasruddin Qorvani'))).toBeDefined();
  });
  it('two people when a vowel is added or dropped, or the name is too short to tell', () => {
    // Mahmoud / Muhammad share their consonants but not their syllables.
    expect(matchPersonNames(nameWords('Mahmoud Tabouni'), nameWords('Muhammad Tabouni'))).toBeUndefined();
    expect(matchPersonNames(nameWords('Hasan Tabouni'), nameWords('Husain Tabouni'))).toBeUndefined();
    // The surname still has to match.
    expect(matchPersonNames(nameWords('Abdulkarem Tabouni'), nameWords('Abdel-Kareem Tabuna'))).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { cleanHeadline } from './headline.js';

describe('cleanHeadline', () => {
  it('drops a publication stamp glued after the headline', () => {
    expect(cleanHeadline('Harbourtown votes to rebuild its bridge published at 13:46 BST')).toBe('Harbourtown votes to rebuild its bridge');
    expect(cleanHeadline('Harbourtown votes to rebuild its bridge | Updated: March 3, 2031')).toBe('Harbourtown votes to rebuild its bridge');
  });

  it("drops the outlet's name after a separator: by its known name, its host, or a name that reads as an outlet", () => {
    expect(cleanHeadline('Harbourtown votes to rebuild its bridge - Harbourtown News')).toBe('Harbourtown votes to rebuild its bridge');
    expect(cleanHeadline('Harbourtown votes to rebuild its bridge | Courier', { outlet: 'The Courier' })).toBe('Harbourtown votes to rebuild its bridge');
    expect(cleanHeadline('Harbourtown votes to rebuild its bridge – HBC', { host: 'www.hbc.example' })).toBe('Harbourtown votes to rebuild its bridge');
  });

  it('keeps a headline whose last part is its own words', () => {
    const own = "Bridge talks address costs and timing – Harbourtown's mayor";
    expect(cleanHeadline(own, { host: 'courier.example' })).toBe(own);
    expect(cleanHeadline('Mayor says the bridge was published in 1931')).toBe('Mayor says the bridge was published in 1931');
  });
});

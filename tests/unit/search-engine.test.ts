import { describe, expect, it } from 'vitest';
import { paramsFromRequest, queryTerms, queryWords, requestFromParams } from '../../src/lib/search-engine';

describe('query terms and words', () => {
  it('splits terms at spaces and punctuation, keeping numbers with their units', () => {
    expect(queryTerms('  劳模  疗休养 ')).toEqual(['劳模', '疗休养']);
    expect(queryTerms('“中国梦·劳动美”')).toEqual(['中国梦', '劳动美']);
    expect(queryTerms('2.65亿元 69.5%')).toEqual(['2.65亿元', '69.5%']);
    expect(queryTerms('"职工书屋"')).toEqual(['职工书屋']);
  });

  it('segments a term into lower-case words', () => {
    expect(queryWords('职工足球')).toEqual(['职工', '足球']);
    expect(queryWords('APP')).toEqual(['app']);
  });
});

describe('search state in the URL', () => {
  it('round-trips query, facets and sort', () => {
    const request = { query: '金秋助学', filters: { region: ['内蒙古自治区'], topic: ['就业服务', '劳动竞赛'] }, sort: 'year-desc' as const };
    const params = paramsFromRequest(request);
    expect(params.toString()).toContain('q=');
    expect(requestFromParams(new URLSearchParams(params.toString()))).toEqual(request);
  });

  it('ignores unknown sort values and empty facets', () => {
    expect(requestFromParams(new URLSearchParams('q=x&sort=random&year='))).toEqual({ query: 'x', filters: {}, sort: 'relevance' });
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isEmptyAfterScrub, scrubQuery } from '../../src/lib/search/scrub.ts';
import { aggregateMisses, parseMisses, recordMiss, MAX_MISSES } from '../../src/lib/search/missed-queries.ts';
import { searchMissSchema } from '../../src/lib/progress/schema.ts';

const at = '2026-11-23T10:00:00+08:00';

describe('scrubbing missed queries', () => {
  it('removes phone, ID and order numbers and every digit', () => {
    expect(scrubQuery('13812345678 退款')).toBe('＊ 退款');
    expect(scrubQuery('身份证110101199003074518')).toBe('身份证＊');
    expect(scrubQuery('11010119900307451X 查询')).toBe('＊ 查询');
    expect(scrubQuery('订单 AB12345CD 没到')).toBe('订单 ＊ 没到');
    expect(scrubQuery('客户 a.b@example.com 投诉')).toBe('客户 ＊ 投诉');
  });

  it('removes names with a title, after 叫/姓名, and surnames', () => {
    expect(scrubQuery('张先生投诉')).toBe('＊先生投诉');
    expect(scrubQuery('王女士要退费')).toBe('＊女士要退费');
    // A name's length is unknown: up to three characters go, erring on the side of the customer.
    expect(scrubQuery('客户叫李四说要曝光')).toBe('客户叫＊要曝光');
    expect(scrubQuery('姓刘的客户')).toBe('姓＊的客户');
  });

  it('never keeps a digit, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        expect(/\d/.test(scrubQuery(s))).toBe(false);
        expect(scrubQuery(s).length).toBeLessThanOrEqual(40);
      }),
    );
  });

  it('treats a query of only customer data as empty', () => {
    expect(isEmptyAfterScrub(scrubQuery('13812345678'))).toBe(true);
    expect(isEmptyAfterScrub(scrubQuery('退款'))).toBe(false);
  });
});

describe('missed-query list', () => {
  it('stores the scrubbed query, merges refinements, drops empties', () => {
    let list = recordMiss([], '退款 1381234', 'none', at)!;
    expect(list).toEqual([{ query: '退款 ＊', reason: 'none', at }]);
    expect(recordMiss(list, '13812345678', 'none', at)).toBeUndefined();
    list = recordMiss([{ query: '退', reason: 'none', at }], '退款多久', 'none', at)!;
    expect(list.map((m) => m.query)).toEqual(['退款多久']);
  });

  it('keeps at most the newest MAX_MISSES', () => {
    let list = recordMiss([], '甲', 'none', at)!;
    for (let i = 0; i < MAX_MISSES + 5; i++) list = recordMiss(list, i % 2 ? '甲乙' : '丙丁', 'no-copy', at) ?? list;
    expect(list.length).toBeLessThanOrEqual(MAX_MISSES);
  });

  it('drops bad records one by one and re-scrubs on read', () => {
    expect(
      parseMisses([
        { query: '退款', reason: 'none', at },
        { query: 5 },
        { query: '电话13800000000', reason: 'none', at },
      ]),
    ).toEqual([
      { query: '退款', reason: 'none', at },
      { query: '电话＊', reason: 'none', at },
    ]);
    expect(parseMisses('nonsense')).toEqual([]);
  });

  it('accepts exactly what the progress export schema accepts', () => {
    const candidates = [
      { query: '退款', reason: 'none', at },
      { query: '退款', reason: 'maybe', at },
      { query: '', reason: 'none', at },
      { query: '退款', reason: 'no-copy', at: 'yesterday' },
      { query: '退'.repeat(41), reason: 'none', at },
    ];
    for (const c of candidates) {
      expect(parseMisses([c]).length === 1, JSON.stringify(c)).toBe(searchMissSchema.safeParse(c).success);
    }
  });

  it('ranks the most-missed queries by people, then by count', () => {
    const rows = aggregateMisses([
      {
        misses: [
          { query: '退款', reason: 'none', at },
          { query: '退款', reason: 'no-copy', at },
        ],
      },
      {
        misses: [
          { query: '退 款', reason: 'none', at },
          { query: '发票', reason: 'none', at },
        ],
      },
      { misses: [{ query: '发票', reason: 'none', at }] },
    ]);
    expect(rows.map((r) => [r.query, r.people, r.count])).toEqual([
      ['退款', 2, 3],
      ['发票', 2, 2],
    ]);
  });
});

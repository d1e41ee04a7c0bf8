/**
 * Agents type customer data into the palette (a phone number, an ID number, a name). Before a missed
 * query is kept on the device it goes through this scrubber: every digit is removed (phone, ID and
 * order numbers go with them), as are e-mail addresses, long Latin tokens with digits, and Chinese
 * personal names introduced by a title or a common surname with 先生/女士/小姐….
 */

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
/** 18-character ID numbers end in X; tokens mixing letters and digits are account or order numbers. */
const CODE = /\b(?=[a-z]*\d)[a-z\d]{5,}\b/gi;
const DIGITS = /[\d０-９〇零一二三四五六七八九十]{3,}|\d+/g;
/** 张先生, 王女士, 李小姐, 陈师傅, 刘老师, 赵经理 … and 客户叫张三 / 姓王. */
const TITLED = /[\p{Script=Han}]{1,2}(?=先生|女士|小姐|师傅|老师|阿姨|大爷|大姐|哥|姐)/gu;
const NAMED = /(?<=叫|姓名是?|名字是?|客户是|用户是)[\p{Script=Han}]{1,3}/gu;
const SURNAMED = /(?<=姓)[\p{Script=Han}]/gu;

export const SCRUB_MARK = '＊';

/** The query with customer data replaced by ＊, whitespace collapsed, at most 40 characters. */
export function scrubQuery(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(EMAIL, SCRUB_MARK)
    .replace(CODE, SCRUB_MARK)
    .replace(DIGITS, SCRUB_MARK)
    .replace(TITLED, SCRUB_MARK)
    .replace(NAMED, SCRUB_MARK)
    .replace(SURNAMED, SCRUB_MARK)
    .replace(/[xX](?=\s|$)/g, '') // the X an ID number ends with, once its digits are gone
    .replace(/＊(\s*＊)+/g, SCRUB_MARK)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 40);
}

/** True when nothing worth keeping is left (only marks, punctuation or one Latin letter). */
export function isEmptyAfterScrub(scrubbed: string): boolean {
  return !/[\p{Script=Han}]|[a-z]{2,}/iu.test(scrubbed.replace(/＊/g, ''));
}

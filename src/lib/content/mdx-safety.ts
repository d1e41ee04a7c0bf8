import { parseBody } from './headings.ts';
import type { MdNode, ParsedBody } from './headings.ts';

/**
 * Policy bodies are data: Markdown plus the site's own components below, nothing that runs. The body is
 * parsed with the MDX parser the build uses, so whatever would break the build or run code is found here
 * first, with a line number and a Chinese message that says what to write instead.
 */

/** The site's own MDX components a policy may use, with the attributes each accepts (all plain strings). */
export const allowedComponents: Readonly<Record<string, readonly string[]>> = {
  /** The hotline's name from site.config.ts. */
  Hotline: [],
};

export interface BodyProblem {
  /** 1-based line in the body. */
  line: number;
  message: string;
}

const SAFE_URL = /^(?:https?:\/\/|mailto:|tel:|\/(?!\/)|#|\.{0,2}\/)/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function componentList(): string {
  const names = Object.keys(allowedComponents);
  return names.length ? names.map((n) => `<${n} />`).join('、') : '（无）';
}

function jsxProblems(node: MdNode, line: number): BodyProblem[] {
  const name = node.name ?? '';
  if (!name) return [{ line, message: '不能写空标签 <>…</>：正文只能用 Markdown' }];
  const allowed = allowedComponents[name];
  if (!allowed) {
    if (/^[a-z]/.test(name)) {
      return [
        {
          line,
          message:
            `不能写 HTML 标签 <${name}>：请改用 Markdown（标题 ##、列表 -、表格 |、加粗 **文字**、链接 [文字](/policies/…/)）` +
            `；站内组件只有 ${componentList()}`,
        },
      ];
    }
    return [{ line, message: `未知组件 <${name}>：制度正文只能用站内组件 ${componentList()}` }];
  }
  const problems: BodyProblem[] = [];
  for (const attr of node.attributes ?? []) {
    const attrName = attr.name ?? '';
    if (attr.type !== 'mdxJsxAttribute') {
      problems.push({ line, message: `组件 <${name}> 不能带 {…} 展开属性：只写固定的文字属性` });
    } else if (/^on/i.test(attrName)) {
      problems.push({ line, message: `不能写事件属性 ${attrName}（会执行代码）：删除它` });
    } else if (!allowed.includes(attrName)) {
      problems.push({
        line,
        message: `组件 <${name}> 没有属性 ${attrName}：可用属性 ${allowed.length ? allowed.join('、') : '（无）'}`,
      });
    } else if (typeof attr.value !== 'string') {
      problems.push({ line, message: `组件 <${name}> 的属性 ${attrName} 只能写成 ${attrName}="文字"，不能写 {…}` });
    }
  }
  return problems;
}

function walk(node: MdNode, out: BodyProblem[]): void {
  const line = node.position?.start.line ?? 0;
  switch (node.type) {
    case 'mdxjsEsm':
      out.push({ line, message: '不能写 import / export（正文只能是 Markdown，不能引入代码）：删除这一行' });
      return;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      out.push({ line, message: '不能写 {…} 表达式：要显示花括号请用全角“｛｝”，或改写成文字' });
      return;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      out.push(...jsxProblems(node, line));
      break;
    case 'html':
      out.push({ line, message: '不能写 HTML：请改用 Markdown' });
      return;
    case 'link':
    case 'image':
    case 'definition': {
      const url = (node.url ?? '').trim();
      if (HAS_SCHEME.test(url) && !SAFE_URL.test(url)) {
        const scheme = url.split(':')[0]?.toLowerCase();
        out.push({
          line,
          message: `链接不能用 ${scheme}: 地址：只能写 https://…、站内路径 /policies/…/ 或本页锚点 #…`,
        });
      }
      break;
    }
    case 'text':
      if ((node.value ?? '').includes('**')) {
        out.push({
          line,
          message: '加粗没有生效（页面会显示 **）：** 紧挨中文标点时，在 ** 外侧加一个空格，如 填写 **《登记表》** 的',
        });
      }
      break;
  }
  for (const child of node.children ?? []) walk(child, out);
}

/** Problems in an MDX policy body; `lineOffset` is the number of lines before the body in its file. */
export function checkPolicyBody(body: string, lineOffset = 0, parsed: ParsedBody = parseBody(body)): BodyProblem[] {
  if (!parsed.ok) {
    const line = parsed.line + lineOffset;
    const text = body.split('\n')[parsed.line - 1] ?? '';
    const at = text.slice(parsed.column - 1);
    if (/^<(?:https?:|mailto:)/i.test(at)) {
      return [{ line, message: '尖括号网址不能用：请写成链接 [文字](https://…)' }];
    }
    if (/^<[/!a-zA-Z]/.test(at)) {
      return [{ line, message: 'HTML 标签和注释不能用：请改用 Markdown（标题 ##、列表 -、表格 |、加粗 **文字**）' }];
    }
    if (at.startsWith('<') || /after `<`|before name/.test(parsed.reason)) {
      return [{ line, message: '单独的“<”会被当成标签的开头：请写“低于 / 小于”，或用全角“＜”' }];
    }
    if (at.startsWith('{') || at.startsWith('}') || /expression|brace/i.test(parsed.reason)) {
      return [{ line, message: '花括号“{ }”会被当成代码：请用全角“｛｝”，或改写成文字' }];
    }
    return [{ line, message: `正文无法解析（${parsed.reason}）：请检查这一行的 Markdown 写法` }];
  }
  const out: BodyProblem[] = [];
  walk(parsed.root, out);
  return out.map((p) => ({ ...p, line: p.line + lineOffset }));
}

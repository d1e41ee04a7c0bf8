import { parseBody } from './headings.ts';
import type { MdNode, ParsedBody } from './headings.ts';
import { checkText as say } from '../../i18n/strings/content-check.ts';

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
  return names.length ? names.map((n) => `<${n} />`).join(say('check.sep')) : say('check.none');
}

function jsxProblems(node: MdNode, line: number): BodyProblem[] {
  const name = node.name ?? '';
  if (!name) return [{ line, message: say('check.mdx.fragment') }];
  const allowed = allowedComponents[name];
  if (!allowed) {
    if (/^[a-z]/.test(name)) {
      return [{ line, message: say('check.mdx.htmlTag', { name, components: componentList() }) }];
    }
    return [{ line, message: say('check.mdx.unknownComponent', { name, components: componentList() }) }];
  }
  const problems: BodyProblem[] = [];
  for (const attr of node.attributes ?? []) {
    const attrName = attr.name ?? '';
    if (attr.type !== 'mdxJsxAttribute') {
      problems.push({ line, message: say('check.mdx.spread', { name }) });
    } else if (/^on/i.test(attrName)) {
      problems.push({ line, message: say('check.mdx.event', { attr: attrName }) });
    } else if (!allowed.includes(attrName)) {
      const list = allowed.length ? allowed.join(say('check.sep')) : say('check.none');
      problems.push({ line, message: say('check.mdx.unknownAttr', { name, attr: attrName, allowed: list }) });
    } else if (typeof attr.value !== 'string') {
      problems.push({ line, message: say('check.mdx.attrExpression', { name, attr: attrName }) });
    }
  }
  return problems;
}

function walk(node: MdNode, out: BodyProblem[]): void {
  const line = node.position?.start.line ?? 0;
  switch (node.type) {
    case 'mdxjsEsm':
      out.push({ line, message: say('check.mdx.esm') });
      return;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      out.push({ line, message: say('check.mdx.expression') });
      return;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      out.push(...jsxProblems(node, line));
      break;
    case 'html':
      out.push({ line, message: say('check.mdx.html') });
      return;
    case 'link':
    case 'image':
    case 'definition': {
      const url = (node.url ?? '').trim();
      if (HAS_SCHEME.test(url) && !SAFE_URL.test(url)) {
        const scheme = url.split(':')[0]?.toLowerCase() ?? '';
        out.push({ line, message: say('check.mdx.scheme', { scheme }) });
      }
      break;
    }
    case 'text':
      if ((node.value ?? '').includes('**')) {
        out.push({ line, message: say('check.mdx.bold') });
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
      return [{ line, message: say('check.mdx.angleUrl') }];
    }
    if (/^<[/!a-zA-Z]/.test(at)) {
      return [{ line, message: say('check.mdx.tag') }];
    }
    if (at.startsWith('<') || /after `<`|before name/.test(parsed.reason)) {
      return [{ line, message: say('check.mdx.lessThan') }];
    }
    if (at.startsWith('{') || at.startsWith('}') || /expression|brace/i.test(parsed.reason)) {
      return [{ line, message: say('check.mdx.brace') }];
    }
    return [{ line, message: say('check.mdx.unparsed', { reason: parsed.reason }) }];
  }
  const out: BodyProblem[] = [];
  walk(parsed.root, out);
  return out.map((p) => ({ ...p, line: p.line + lineOffset }));
}

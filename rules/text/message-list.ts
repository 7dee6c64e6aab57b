import { findDates } from '../dates/parse.ts';
import type { InteractionObservation, MessageObservation } from '../model/snapshot.ts';
import type { PageDocument, PageElement, PageNode } from '../page/node.ts';
import { findFirst, indexPage, walkElements } from '../extract/tree.ts';
import { resolveHref } from '../extract/url.ts';

/**
 * Reads a 留言/咨询/信箱 list: one message per table row or list item that carries a date, with the asked date, the
 * reply date where shown, and the state the list gives (已回复 / 未回复 …). Also tells when the list is behind a
 * login or a captcha, which a crawl must not get past.
 */

/** 留言 lists among the consultation columns: 信箱, 咨询, 留言, 投诉 … (19号 leaves out 在线访谈, 调查征集, 网上信访 and 纪检举报). */
const MESSAGE_LIST = /信箱|咨询|留言|投诉|问政|诉求|来信|互动/;
const NOT_MESSAGES = /访谈|调查|征集|信访|举报/;

export function isMessageListColumn(classId: string, name: string): boolean {
  return classId === 'consultation' && MESSAGE_LIST.test(name) && !NOT_MESSAGES.test(name);
}

/** A 留言 list page read into an observation: its messages, or `needs-review` when it is behind a login or captcha. */
export function observeMessageList(doc: PageDocument, url: string, name: string): InteractionObservation {
  const blocked = messageListBlocked(doc);
  if (blocked) return { url, name, status: 'needs-review', statusReason: blocked, messages: [] };
  return { url, name, status: 'ok', messages: readMessageList(doc) };
}

const REPLIED = /已回复|已答复|已办结|已处理|已反馈|已受理并回复|回复时间|答复时间|办结时间/;
const UNANSWERED = /未回复|未答复|待回复|待答复|未办结|办理中|处理中|待处理|未处理|正在办理/;

const SEPARATED = new Set(['td', 'th', 'li', 'div', 'p', 'span', 'dd', 'dt', 'br']);

/** Text with cells, items and blocks kept apart by a space; an explicit stack, so no depth overflows. */
function text(node: PageNode): string {
  const parts: string[] = [];
  const stack: (PageNode | ' ')[] = [node];
  while (stack.length > 0) {
    const step = stack.pop()!;
    if (step === ' ') parts.push(' ');
    else if (step.type === 'text') parts.push(step.text);
    else if (step.type === 'element' && step.tag !== 'script' && step.tag !== 'style') {
      const sep = SEPARATED.has(step.tag);
      if (sep) {
        parts.push(' ');
        stack.push(' ');
      }
      for (let i = step.children.length - 1; i >= 0; i--) stack.push(step.children[i]!);
    }
  }
  return parts.join('');
}

function firstLink(el: PageElement): PageElement | undefined {
  return findFirst(el, (e) => e.tag === 'a' && !!e.attrs.href);
}

const isRow = (el: PageElement) => el.tag === 'tr' || el.tag === 'li';

function rowMessage(row: PageElement, base: string): MessageObservation | undefined {
  const t = text(row).replace(/\s+/g, ' ').trim();
  const dates = findDates(t).filter((d) => d.confidence === 'exact');
  if (dates.length === 0) return undefined;
  const link = firstLink(row);
  const title = (link ? text(link) : t.slice(0, 40)).replace(/\s+/g, ' ').trim();
  if (!title) return undefined;
  const url = link ? resolveHref(link.attrs.href, base) : undefined;
  const unanswered = UNANSWERED.test(t);
  const replied = !unanswered && (REPLIED.test(t) || dates.length >= 2);
  const [asked, second] = [dates[0].date, dates[1]?.date];
  return {
    title,
    ...(url ? { url } : {}),
    askedDate: asked,
    ...(replied && second ? { repliedDate: second } : {}),
    state: unanswered ? 'unanswered' : replied ? 'replied' : 'unknown',
  };
}

export function readMessageList(doc: PageDocument): MessageObservation[] {
  const out: MessageObservation[] = [];
  const index = indexPage(doc);
  // A row that holds rows (a layout table) is not a message: each row marks its nearest row ancestor, and so, row by
  // row, every row above it (one pass, not a walk of every row's subtree).
  const holdsRows = new Set<PageElement>();
  for (const el of index.elements) {
    if (!isRow(el)) continue;
    for (let p = index.parentOf(el); p; p = index.parentOf(p)) {
      if (isRow(p)) {
        holdsRows.add(p);
        break;
      }
    }
  }
  for (const el of index.elements) {
    if (!isRow(el) || holdsRows.has(el)) continue;
    const m = rowMessage(el, doc.url);
    if (m) out.push(m);
  }
  return out;
}

/** Why a list cannot be read by a crawler (a login form, a captcha), or undefined when it can. */
export function messageListBlocked(doc: PageDocument): string | undefined {
  let password = false;
  let captcha = false;
  for (const el of walkElements(doc.root)) {
    if (el.tag === 'input' && el.attrs.type?.toLowerCase() === 'password') password = true;
    const hint = `${el.attrs.id ?? ''} ${el.attrs.name ?? ''} ${el.attrs.class ?? ''} ${el.attrs.placeholder ?? ''} ${el.attrs.src ?? ''}`;
    if (/captcha|verifycode|yzm|验证码/i.test(hint)) captcha = true;
  }
  const body = text(doc.root);
  if (password || /请先登录|登录后(?:查看|方可)|用户登录/.test(body)) return '留言列表需要登录 / the list needs a login';
  if (captcha && !/回复|答复/.test(body)) return '留言列表需要验证码 / the list needs a captcha';
  return undefined;
}

import type { PageElement } from '../page/node.ts';
import { allElements, nameTokens, type PageIndex } from './tree.ts';
import { scriptBodies, textOf } from './text.ts';

/** Class/id words of list containers that scripts fill (`list`, `newsList`, `xxgk_lb`, `data-box` …). */
const LIST_NAME = /list|news|content|data|article|lb|items|con|wj|gk|box|main/;
/** Script code that loads data and writes it into the page. */
const LOADS_DATA = /\$\.(ajax|get|post|getJSON)\s*\(|\bfetch\s*\(|XMLHttpRequest|axios\.|\.load\s*\(/;
const WRITES_DOM = /\.html\s*\(|\.append\s*\(|innerHTML|\.render\s*\(|template|v-for|new\s+Vue|createApp|laypage|pagination/i;

/** Elements that show something without text. */
const TEXTLESS_CONTENT = new Set(['img', 'iframe', 'input', 'video', 'canvas', 'svg', 'object', 'embed', 'select', 'textarea', 'form']);

/** An element that shows nothing yet: no text and no images, frames or form fields. */
function isEmpty(el: PageElement): boolean {
  return textOf(el) === '' && !allElements(el).some((d) => TEXTLESS_CONTENT.has(d.tag));
}

/**
 * True when the page's list is drawn by JavaScript: a list-like element stands empty and an inline script loads
 * data and writes it into the page (or names that element). A crawler without a browser cannot read such a list.
 */
export function looksJsRendered(index: PageIndex): boolean {
  const scripts = scriptBodies(index.root).join('\n');
  if (!scripts) return false;
  const empties = index.elements.filter(
    (el) => ['div', 'ul', 'ol', 'table', 'tbody', 'section'].includes(el.tag) && isEmpty(el) && (el.attrs.id || nameTokens(el).some((t) => LIST_NAME.test(t))),
  );
  if (empties.length === 0) return false;
  const loads = LOADS_DATA.test(scripts);
  const namesEmpty = empties.some((el) => {
    const id = el.attrs.id;
    return id !== undefined && id !== '' && (scripts.includes(`'#${id}`) || scripts.includes(`"#${id}`) || scripts.includes(`getElementById('${id}')`) || scripts.includes(`getElementById("${id}")`));
  });
  return (loads && (WRITES_DOM.test(scripts) || namesEmpty)) || (namesEmpty && WRITES_DOM.test(scripts));
}

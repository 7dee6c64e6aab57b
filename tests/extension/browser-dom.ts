import { parseHTML } from 'linkedom';
import { parse, serialize } from 'parse5';

/**
 * A DOM Document holding the tree a browser builds from `html`. linkedom stands in for the live DOM in tests, but
 * its own parser does not follow the HTML5 tree-construction rules (no implied head/body, no repair of misnested
 * tags), so it is given the markup re-serialised from a spec-compliant parse: what the page's DOM would serialise to.
 */
export function browserDocument(html: string): Document {
  return parseHTML(serialize(parse(html))).document as unknown as Document;
}

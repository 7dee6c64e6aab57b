/**
 * A plain, parser-independent page tree. The crawler builds it with parse5 (HTML5 rules), the extension from the
 * live DOM; list extraction runs on this tree only, so both adapters extract exactly the same items.
 */
export type PageNode = PageElement | PageText | PageComment;

export interface PageElement {
  type: 'element';
  /** Lower-case tag name. */
  tag: string;
  attrs: Record<string, string>;
  children: PageNode[];
  /**
   * False when the element is known to be invisible (the extension knows computed style; the crawler only sees
   * `hidden`, `display:none` inline). Hidden tab panes still hold real items, so extraction reads them anyway;
   * this flag only lowers the weight of sidebars and pop-ups.
   */
  visible?: boolean;
}

export interface PageText {
  type: 'text';
  text: string;
}

export interface PageComment {
  type: 'comment';
  text: string;
}

export interface PageDocument {
  url: string;
  root: PageElement;
}

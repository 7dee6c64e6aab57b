/**
 * String literals in inline scripts, read without running them. Old portal templates write their menus and even
 * their redirects from script (`document.write('<li><a href="/zwgk/">政务公开</a></li>')`,
 * `document.write("<meta http-equiv='refresh' content='0;url=xxgk/'>")`); a crawler without a browser sees only
 * the script text, so the markup is taken out of the literals.
 */

export interface StringChain {
  /** The literals of one `'a' + 'b' + x + 'c'` expression, joined; non-literal operands are left out. */
  text: string;
  /** Offset of the chain's first literal in the script. */
  start: number;
  /** Offset just after the chain's last literal. */
  end: number;
  /** True when a non-literal operand (a variable, a call) was part of the expression: `text` is not its value. */
  partial: boolean;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** Reads the literal that opens at `at` (a quote); returns its value and the offset after its closing quote. */
function readLiteral(js: string, at: number): { value: string; next: number } | undefined {
  const quote = js[at]!;
  let value = '';
  for (let i = at + 1; i < js.length; i++) {
    const ch = js[i]!;
    if (ch === quote) return { value, next: i + 1 };
    if (ch === '\n' && quote !== '`') return undefined; // unterminated: not a string after all
    if (quote === '`' && ch === '$' && js[i + 1] === '{') return undefined; // template with substitutions: not literal
    if (ch !== '\\') {
      value += ch;
      continue;
    }
    const esc = js[++i];
    if (esc === undefined) return undefined;
    if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(js.slice(i + 1, i + 5))) {
      value += String.fromCharCode(parseInt(js.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (esc === 'x' && /^[0-9a-fA-F]{2}$/.test(js.slice(i + 1, i + 3))) {
      value += String.fromCharCode(parseInt(js.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (esc === '\n') {
      // line continuation
    } else value += ESCAPES[esc] ?? esc;
  }
  return undefined;
}

/**
 * Every chain of string literals joined by `+` in `js`, in order. Comments are skipped; regular-expression
 * literals are not recognised, which at worst yields a junk chain that holds no markup.
 */
export function stringChains(js: string): StringChain[] {
  const chains: StringChain[] = [];
  let open: StringChain | undefined;
  /** True after a `+` that follows the open chain's last literal or a non-literal operand of it. */
  let joining = false;
  for (let i = 0; i < js.length; ) {
    const ch = js[i]!;
    if (ch === '/' && js[i + 1] === '/') {
      const nl = js.indexOf('\n', i);
      i = nl < 0 ? js.length : nl;
      continue;
    }
    if (ch === '/' && js[i + 1] === '*') {
      const close = js.indexOf('*/', i + 2);
      i = close < 0 ? js.length : close + 2;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') {
      const lit = readLiteral(js, i);
      if (!lit) {
        i++;
        continue;
      }
      if (open && joining) {
        open.text += lit.value;
        open.end = lit.next;
      } else {
        if (open) chains.push(open);
        open = { text: lit.value, start: i, end: lit.next, partial: false };
      }
      joining = false;
      i = lit.next;
      continue;
    }
    if (ch === '+') joining = !!open;
    else if (open && joining && /[\w$.]/.test(ch)) open.partial = true;
    else if (/[;,(){}[\]=:?]/.test(ch) && !(joining && /[()[\]]/.test(ch))) {
      // A statement or argument boundary ends the chain (brackets right after a `+` belong to an operand).
      if (open) chains.push(open);
      open = undefined;
      joining = false;
    }
    i++;
  }
  if (open) chains.push(open);
  return chains;
}

/** Chains that hold markup (`<a …`, `<meta …`, `</li>`): what a script writes into the page. */
export function markupStrings(js: string): string[] {
  return stringChains(js).map((c) => c.text).filter((t) => /<\/?[a-z]/i.test(t));
}

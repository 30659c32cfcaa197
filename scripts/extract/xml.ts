/**
 * A small XML reader for the XML parts of .docx and OFD files: elements,
 * attributes, text, CDATA, character references and namespaces. It is not a
 * validating parser: what those packages hold is well-formed machine output,
 * and a stray error should cost a paragraph, not the file, so it reads on past
 * what it does not understand (a DOCTYPE, a processing instruction).
 */

export interface XmlElement {
  /** The name as written, with its prefix: w:p, ofd:TextCode. */
  name: string;
  /** The name without its prefix: p, TextCode. */
  local: string;
  /** The namespace URI the prefix is bound to; '' when none. */
  ns: string;
  /** Attributes by their written name (w:val, xml:space). */
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

const namedEntities: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Replaces &lt; &#20013; &#x4E2D; and the like by their characters; unknown entities stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  let index = 0;
  while (index < text.length) {
    const amp = text.indexOf('&', index);
    if (amp < 0) {
      out += text.slice(index);
      break;
    }
    out += text.slice(index, amp);
    const semi = text.indexOf(';', amp);
    const body = semi > amp ? text.slice(amp + 1, semi) : '';
    let decoded: string | undefined;
    if (body.startsWith('#x') || body.startsWith('#X')) {
      const code = Number.parseInt(body.slice(2), 16);
      if (Number.isInteger(code) && code >= 0 && code <= 0x10ffff) decoded = String.fromCodePoint(code);
    } else if (body.startsWith('#')) {
      const code = Number.parseInt(body.slice(1), 10);
      if (Number.isInteger(code) && code >= 0 && code <= 0x10ffff) decoded = String.fromCodePoint(code);
    } else {
      decoded = namedEntities[body];
    }
    if (decoded === undefined || body.length > 10) {
      out += '&';
      index = amp + 1;
    } else {
      out += decoded;
      index = semi + 1;
    }
  }
  return out;
}

// Character tests by code: a regular expression per character makes a 5 MB document.xml slow.
const isSpaceCode = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
const isSpace = (text: string, index: number): boolean => isSpaceCode(text.charCodeAt(index));
const isNameAt = (text: string, index: number): boolean => {
  const code = text.charCodeAt(index);
  return !isSpaceCode(code) && code !== 0x2f && code !== 0x3e && code !== 0x3d; // / > =
};

const localOf = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

interface OpenElement {
  element: XmlElement;
  scope: Map<string, string>;
}

/** Parses a document into its root element; throws when there is none. */
export function parseXml(source: string): XmlElement {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const documentNode: XmlElement = { name: '#document', local: '#document', ns: '', attrs: {}, children: [] };
  const stack: OpenElement[] = [{ element: documentNode, scope: new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]) }];
  const top = (): OpenElement => stack[stack.length - 1] as OpenElement;
  let index = 0;

  const pushText = (value: string): void => {
    if (value.length === 0) return;
    const children = top().element.children;
    const last = children[children.length - 1];
    if (typeof last === 'string') children[children.length - 1] = last + value;
    else children.push(value);
  };

  while (index < text.length) {
    const lt = text.indexOf('<', index);
    if (lt < 0) {
      pushText(decodeEntities(text.slice(index)));
      break;
    }
    if (lt > index) pushText(decodeEntities(text.slice(index, lt)));
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      index = end < 0 ? text.length : end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      pushText(text.slice(lt + 9, end < 0 ? text.length : end));
      index = end < 0 ? text.length : end + 3;
    } else if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      index = end < 0 ? text.length : end + 2;
    } else if (text.startsWith('<!', lt)) {
      // A DOCTYPE, possibly with an internal subset in brackets.
      let depth = 0;
      let cursor = lt + 2;
      for (; cursor < text.length; cursor += 1) {
        const char = text[cursor];
        if (char === '[') depth += 1;
        else if (char === ']') depth -= 1;
        else if (char === '>' && depth <= 0) break;
      }
      index = cursor + 1;
    } else if (text.startsWith('</', lt)) {
      const end = text.indexOf('>', lt + 2);
      const name = text.slice(lt + 2, end < 0 ? text.length : end).trim();
      // Close up to the matching element; a stray end tag closes nothing.
      const at = stack.findLastIndex((open, position) => position > 0 && open.element.name === name);
      if (at > 0) stack.length = at;
      index = end < 0 ? text.length : end + 1;
    } else {
      let cursor = lt + 1;
      while (cursor < text.length && isNameAt(text, cursor)) cursor += 1;
      const name = text.slice(lt + 1, cursor);
      const attrs: Record<string, string> = {};
      let selfClosing = false;
      while (cursor < text.length) {
        const char = text[cursor] as string;
        if (char === '>') {
          cursor += 1;
          break;
        }
        if (char === '/' && text[cursor + 1] === '>') {
          selfClosing = true;
          cursor += 2;
          break;
        }
        if (isSpace(text, cursor) || char === '/') {
          cursor += 1;
          continue;
        }
        const nameStart = cursor;
        while (cursor < text.length && isNameAt(text, cursor)) cursor += 1;
        const attrName = text.slice(nameStart, cursor);
        while (cursor < text.length && isSpace(text, cursor)) cursor += 1;
        if (text[cursor] !== '=') {
          if (attrName.length > 0) attrs[attrName] = '';
          else cursor += 1;
          continue;
        }
        cursor += 1;
        while (cursor < text.length && isSpace(text, cursor)) cursor += 1;
        const quote = text[cursor];
        if (quote === '"' || quote === "'") {
          const close = text.indexOf(quote, cursor + 1);
          const stop = close < 0 ? text.length : close;
          attrs[attrName] = decodeEntities(text.slice(cursor + 1, stop));
          cursor = stop + 1;
        } else {
          const valueStart = cursor;
          while (cursor < text.length && !isSpace(text, cursor) && text[cursor] !== '>') cursor += 1;
          attrs[attrName] = decodeEntities(text.slice(valueStart, cursor));
        }
      }
      index = cursor;
      if (name.length === 0) {
        pushText('<');
        index = lt + 1;
        continue;
      }
      let scope = top().scope;
      for (const [attrName, value] of Object.entries(attrs)) {
        if (attrName === 'xmlns' || attrName.startsWith('xmlns:')) {
          if (scope === top().scope) scope = new Map(scope);
          scope.set(attrName === 'xmlns' ? '' : attrName.slice(6), value);
        }
      }
      const colon = name.indexOf(':');
      const prefix = colon < 0 ? '' : name.slice(0, colon);
      const element: XmlElement = { name, local: localOf(name), ns: scope.get(prefix) ?? '', attrs, children: [] };
      top().element.children.push(element);
      if (!selfClosing) stack.push({ element, scope });
    }
  }
  const root = documentNode.children.find((child): child is XmlElement => typeof child !== 'string');
  if (root === undefined) throw new Error('no root element');
  return root;
}

/** An attribute by its local name (val for w:val), whatever its prefix. */
export function attr(element: XmlElement, local: string): string | undefined {
  if (local in element.attrs) return element.attrs[local];
  for (const [name, value] of Object.entries(element.attrs)) if (localOf(name) === local) return value;
  return undefined;
}

export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string');
}

/** The first child element of this local name. */
export function child(element: XmlElement | undefined, local: string): XmlElement | undefined {
  if (element === undefined) return undefined;
  for (const node of element.children) if (typeof node !== 'string' && node.local === local) return node;
  return undefined;
}

export function children(element: XmlElement | undefined, local: string): XmlElement[] {
  if (element === undefined) return [];
  return element.children.filter((node): node is XmlElement => typeof node !== 'string' && node.local === local);
}

/** Every element of this local name below the given one, in document order. */
export function descendants(element: XmlElement, local: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlElement): void => {
    for (const next of node.children) {
      if (typeof next === 'string') continue;
      if (next.local === local) found.push(next);
      visit(next);
    }
  };
  visit(element);
  return found;
}

/** All the character data below an element, concatenated. */
export function textOf(element: XmlElement): string {
  let out = '';
  for (const node of element.children) out += typeof node === 'string' ? node : textOf(node);
  return out;
}

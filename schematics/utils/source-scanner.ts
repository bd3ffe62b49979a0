/** Where a bracketed region of TypeScript source opens and closes. */
export interface Span {
  /** Index of the opening bracket. */
  open: number;
  /** Index of the matching closing bracket. */
  close: number;
}

/** One comma-separated item at the top level of a bracketed region, trimmed. */
export interface Item {
  text: string;
  start: number;
  end: number;
}

const CLOSERS: Record<string, string> = { '{': '}', '[': ']', '(': ')' };

/**
 * The index of the bracket closing the one at `open`, skipping strings, template literals and
 * comments; -1 when the source is unbalanced.
 */
export function findClosing(source: string, open: number): number {
  const stack: string[] = [];
  for (let i = open; i < source.length; i++) {
    const skipped = skipNonCode(source, i);
    if (skipped !== i) {
      i = skipped - 1;
      continue;
    }
    const char = source[i];
    if (char in CLOSERS) stack.push(CLOSERS[char]);
    else if (char === '}' || char === ']' || char === ')') {
      if (stack.pop() !== char) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

/**
 * The items between `span.open` and `span.close`, split on top-level commas; an item is its code
 * without the comments around it, and a stretch of comments alone is no item.
 */
export function topLevelItems(source: string, span: Span): Item[] {
  const items: Item[] = [];
  let start = span.open + 1;
  const push = (end: number) => {
    const code = codeBounds(source, start, end);
    if (code) items.push({ text: source.slice(code.start, code.end), ...code });
  };
  for (let i = span.open + 1; i < span.close; i++) {
    const skipped = skipNonCode(source, i);
    if (skipped !== i) {
      i = skipped - 1;
      continue;
    }
    const char = source[i];
    if (char in CLOSERS) {
      i = findClosing(source, i);
      if (i === -1) return items;
    } else if (char === ',') {
      push(i);
      start = i + 1;
    }
  }
  push(span.close);
  return items;
}

/** Whether the region holds a comment (edits then keep its text as it is). */
export function hasComment(source: string, span: Span): boolean {
  for (let i = span.open + 1; i < span.close; i++) {
    if (source.startsWith('//', i) || source.startsWith('/*', i)) return true;
    const skipped = skipNonCode(source, i);
    if (skipped !== i) i = skipped - 1;
  }
  return false;
}

/** The index of the first `text` in the code of `source` (not in a string or comment); -1 when none. */
export function indexInCode(source: string, text: string): number {
  for (let i = 0; i < source.length; i++) {
    const skipped = skipNonCode(source, i);
    if (skipped !== i) i = skipped - 1;
    else if (source.startsWith(text, i)) return i;
  }
  return -1;
}

/** The whitespace a line starts with. */
export function indentAt(source: string, index: number): string {
  const lineStart = source.lastIndexOf('\n', index - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart))![0];
}

/** The text of the line around `index` before and after it. */
export function lineAround(source: string, index: number): { before: string; after: string } {
  const lineStart = source.lastIndexOf('\n', index - 1) + 1;
  const newline = source.indexOf('\n', index);
  const lineEnd = newline === -1 ? source.length : newline;
  return { before: source.slice(lineStart, index), after: source.slice(index, lineEnd) };
}

/** Where the code between `from` and `to` starts and ends, leaving out whitespace and comments around it. */
function codeBounds(source: string, from: number, to: number): Omit<Item, 'text'> | undefined {
  let start = -1;
  let end = -1;
  for (let i = from; i < to; i++) {
    const isComment = source[i] === '/' && (source[i + 1] === '/' || source[i + 1] === '*');
    const skipped = skipNonCode(source, i);
    if (isComment) {
      i = skipped - 1;
      continue;
    }
    if (/\s/.test(source[i])) continue;
    if (start === -1) start = i;
    end = Math.max(skipped, i + 1);
    i = end - 1;
  }
  return start === -1 ? undefined : { start, end };
}

/** The index just past a string, template literal or comment starting at `i`; `i` when none does. */
function skipNonCode(source: string, i: number): number {
  const char = source[i];
  if (char === '/' && source[i + 1] === '/') {
    const end = source.indexOf('\n', i);
    return end === -1 ? source.length : end;
  }
  if (char === '/' && source[i + 1] === '*') {
    const end = source.indexOf('*/', i + 2);
    return end === -1 ? source.length : end + 2;
  }
  if (char === "'" || char === '"' || char === '`') {
    for (let j = i + 1; j < source.length; j++) {
      if (source[j] === '\\') j++;
      else if (source[j] === char) return j + 1;
    }
    return source.length;
  }
  return i;
}

/** One ```ts block of a Markdown file, with what the comment before it says about checking it. */
export interface MarkdownTsBlock {
  /** 1-based line of the block's first code line in the Markdown file. */
  line: number;
  code: string;
  /**
   * Lines the reader does not need to see (imports, the classes a snippet names), given in an
   * HTML comment right before the fence: `<!-- ts-check\nimport …\n-->`.
   */
  prelude: string;
  /** Folder (relative to the repo) the block is checked as if it lived in (`<!-- ts-check dir=sample`). */
  dir: string;
  /** The block is the body of a function (`return …` lines, `<!-- ts-check body`). */
  body: boolean;
}

const FENCE = /^```(ts|typescript)\s*$/;
// The comment must end right before the fence; its text cannot hold an earlier comment's `-->`.
const CHECK_COMMENT = /<!-- ts-check((?: [a-z]+(?:=\S+)?)*)\n((?:(?!-->)[\s\S])*)-->\s*$/;

/** Every ```ts block of `markdown`, in order. */
export function markdownTsBlocks(markdown: string): MarkdownTsBlock[] {
  const lines = markdown.split('\n');
  const blocks: MarkdownTsBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!FENCE.test(lines[i])) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end].startsWith('```')) end++;
    const before = lines.slice(Math.max(0, i - 40), i).join('\n');
    const check = CHECK_COMMENT.exec(before);
    const flags = (check?.[1] ?? '').trim().split(' ');
    blocks.push({
      line: start + 1,
      code: lines.slice(start, end).join('\n'),
      prelude: check?.[2] ?? '',
      dir: flags.find((flag) => flag.startsWith('dir='))?.slice(4) ?? '.',
      body: flags.includes('body'),
    });
    i = end;
  }
  return blocks;
}

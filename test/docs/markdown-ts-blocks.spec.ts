import { markdownTsBlocks } from '../support/markdown-ts-blocks';

const FENCE = '```';

describe('markdownTsBlocks', () => {
  it('reads each ts block with its line and the ts-check comment right before it', () => {
    const markdown = [
      '# Title',
      '<!-- ts-check dir=sample body',
      "import { MindoffResponse } from 'mindoff';",
      '-->',
      `${FENCE}ts`,
      "return MindoffResponse.text('pong');",
      FENCE,
      '',
      `${FENCE}console`,
      '$ curl x',
      FENCE,
      `${FENCE}ts`,
      'const a = 1;',
      FENCE,
    ].join('\n');
    expect(markdownTsBlocks(markdown)).toEqual([
      {
        line: 6,
        code: "return MindoffResponse.text('pong');",
        prelude: "import { MindoffResponse } from 'mindoff';\n",
        dir: 'sample',
        body: true,
      },
      { line: 13, code: 'const a = 1;', prelude: '', dir: '.', body: false },
    ]);
  });

  it('never lends a block the comment of an earlier one', () => {
    const markdown = [
      '<!-- ts-check',
      'declare const x: number;',
      '-->',
      `${FENCE}ts`,
      'x;',
      FENCE,
      'Some text.',
      `${FENCE}ts`,
      'const y = 2;',
      FENCE,
    ].join('\n');
    expect(markdownTsBlocks(markdown).map((block) => block.prelude)).toEqual([
      'declare const x: number;\n',
      '',
    ]);
  });
});

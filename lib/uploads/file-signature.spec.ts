import { FILE_HEADS, fileOf } from '../../test/support/multipart';
import { contradictsType, sniffType } from './file-signature';

describe('file signatures', () => {
  it.each([
    ['image/png', FILE_HEADS.png],
    ['image/jpeg', FILE_HEADS.jpeg],
    ['image/gif', FILE_HEADS.gif],
    ['image/gif', Buffer.from('GIF87a')],
    ['image/webp', FILE_HEADS.webp],
    ['application/pdf', FILE_HEADS.pdf],
  ])('accepts %s opening with its own signature', (type, head) => {
    expect(contradictsType(type, fileOf(head, 64))).toBe(false);
    expect(sniffType(fileOf(head, 64))).toBe(type);
  });

  it.each([
    ['image/png', FILE_HEADS.jpeg, 'image/jpeg'],
    ['image/jpeg', FILE_HEADS.png, 'image/png'],
    ['image/gif', FILE_HEADS.pdf, 'application/pdf'],
    ['image/webp', Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1'), undefined],
    ['application/pdf', Buffer.from('<html>'), undefined],
    ['image/png', Buffer.alloc(0), undefined],
    ['image/png', FILE_HEADS.png.subarray(0, 7), undefined],
  ])('refuses %s whose bytes are something else', (type, head, looksLike) => {
    expect(contradictsType(type, head)).toBe(true);
    expect(sniffType(head)).toBe(looksLike);
  });

  it('takes types without a known signature at their word', () => {
    expect(contradictsType('text/csv', Buffer.from('a,b\n1,2'))).toBe(false);
    expect(contradictsType('application/octet-stream', FILE_HEADS.png)).toBe(false);
  });
});

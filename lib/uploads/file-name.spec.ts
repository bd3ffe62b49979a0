import { baseFileName } from './file-name';

describe('baseFileName', () => {
  it.each([
    ['me.png', 'me.png'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\win.ini', 'win.ini'],
    ['C:\\photos\\me.png', 'me.png'],
    ['/abs/path/a b.jpg', 'a b.jpg'],
    ['..', ''],
    ['.', ''],
    ['../', ''],
    ['a/..', ''],
    ['  spaced.png  ', 'spaced.png'],
    ['na\u0000me\r\n.png', 'name.png'],
    ['фото.png', 'фото.png'],
    ['', ''],
    [undefined, ''],
  ])('keeps only the base name of %j: %j', (name, expected) => {
    expect(baseFileName(name)).toBe(expected);
  });

  it('cuts a name at 255 characters', () => {
    expect(baseFileName('x'.repeat(300))).toHaveLength(255);
  });
});

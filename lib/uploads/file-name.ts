/** The longest file name kept (most file systems stop at 255 bytes). */
const MAX_NAME_LENGTH = 255;

// Control characters (NUL, newlines, escapes) have no place in a name shown or logged later.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

/**
 * The client's file name reduced to its base name: everything up to the last `/` or `\` removed,
 * control characters dropped, `.` and `..` (and what only they leave) emptied, at most 255
 * characters. `''` when the client sent none. A display name only: never build a path from it.
 *
 * @example
 * baseFileName('../../etc/passwd');   // 'passwd'
 * baseFileName('C:\\photos\\me.png'); // 'me.png'
 * baseFileName('..');                 // ''
 */
export function baseFileName(name: string | undefined): string {
  if (!name) return '';
  const base = name.replace(CONTROL, '').split(/[/\\]/).pop()!.trim();
  if (base === '.' || base === '..') return '';
  return base.slice(0, MAX_NAME_LENGTH);
}

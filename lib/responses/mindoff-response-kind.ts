/** How a `MindoffResponse` is answered: an envelope, text, html or a file. */
export type MindoffResponseKind = 'json' | 'text' | 'html' | 'file';

/**
 * The instance shape every `MindoffResponse` has, without the class (and its Node types): what a
 * client needs to tell a declared answer from plain data at the type level.
 */
export interface MindoffResponseLike {
  readonly kind: MindoffResponseKind;
}

import { renderKey } from './validation-issue';

/** A step of a path: a key the schema declares, or a generated variable holding an index or key. */
type Step = { readonly key: string } | { readonly index: string } | { readonly keyIn: string };

/**
 * The path of a value as generated code sees it while the code is being written: known keys
 * are rendered now (`items[`, `].qty`) and embedded as JSON string literals; indexes and
 * `DictOf` keys come from loop variables when an issue is reported. Nothing is built at run
 * time unless an issue is.
 */
export class PathCode {
  static readonly ROOT = new PathCode([]);

  private constructor(private readonly steps: readonly Step[]) {}

  /** Whether this is the payload itself (rendered `''`). */
  get isRoot(): boolean {
    return this.steps.length === 0;
  }

  /** This path then a key the schema declares. */
  key(key: string): PathCode {
    return new PathCode([...this.steps, { key }]);
  }

  /** This path then the index held by the generated variable `name`. */
  index(name: string): PathCode {
    return new PathCode([...this.steps, { index: name }]);
  }

  /** This path then the object key held by the generated variable `name`. */
  keyIn(name: string): PathCode {
    return new PathCode([...this.steps, { keyIn: name }]);
  }

  /**
   * A JavaScript expression for the rendered path, e.g. `"items[" + i3 + "].qty"`; `renderKey`
   * is called `K` in the generated code.
   */
  expression(): string {
    const parts: string[] = [];
    let text = '';
    const flush = () => {
      if (text !== '') parts.push(JSON.stringify(text));
      text = '';
    };
    this.steps.forEach((step, i) => {
      if ('key' in step) {
        text += renderKey(step.key, i === 0);
      } else if ('index' in step) {
        text += '[';
        flush();
        parts.push(step.index);
        text = ']';
      } else {
        flush();
        parts.push(`K(${step.keyIn}, ${i === 0})`);
      }
    });
    flush();
    return parts.length === 0 ? '""' : parts.join(' + ');
  }
}

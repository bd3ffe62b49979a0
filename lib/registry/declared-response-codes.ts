import 'reflect-metadata';
import { MINDOFF_RESPONSE_CODES_METADATA } from '../mindoff.constants';

/** The codes `@MindoffResponseCodes()` declared on `cls` or a class it extends. */
export function declaredResponseCodes(cls: object): readonly string[] {
  return (Reflect.getMetadata(MINDOFF_RESPONSE_CODES_METADATA, cls) as string[] | undefined) ?? [];
}

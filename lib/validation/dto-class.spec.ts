import { IsString } from 'class-validator';
import { isDtoClass } from './dto-class';
import type { Infer } from './schema.types';

class NoteDto {
  @IsString()
  text!: string;
}

describe('DTO classes as payloadSchema', () => {
  it('tells a DTO class from the shorthand constructors and objects', () => {
    expect(isDtoClass(NoteDto)).toBe(true);
    expect(isDtoClass(String)).toBe(false);
    expect(isDtoClass(Number)).toBe(false);
    expect(isDtoClass(Boolean)).toBe(false);
    expect(isDtoClass({ text: String })).toBe(false);
    expect(isDtoClass(() => 1)).toBe(false);
  });

  it('infers the instance type for run()', () => {
    const note: Infer<typeof NoteDto> = Object.assign(new NoteDto(), { text: 'hi' });
    // @ts-expect-error text is a string on the DTO
    const wrong: Infer<typeof NoteDto> = { text: 1 };
    const text: Infer<typeof String> = 'still the shorthand';
    expect([note.text, typeof wrong, text]).toEqual(['hi', 'object', 'still the shorthand']);
  });
});

import { schema, type JsonObject, type JsonValue } from '@angular-devkit/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a terminal user is asked for one schematic, and the options they end up passing. */
export interface Prompted {
  /** The `x-prompt`s asked, as the schematics CLI receives them (items, default...). */
  asked: schema.PromptDefinition[];
  /** The options after the answers and the schema's defaults. */
  options: JsonObject;
}

/**
 * Validates `options` against `<schematic>/schema.json` as the schematics CLI does in a terminal
 * (the Nest CLI runs it): each `x-prompt` whose option was not given is asked, and answered from
 * `answers` by option name (an unanswered prompt takes its default, as pressing Enter does).
 */
export async function prompted(
  schematic: string,
  options: JsonObject,
  answers: JsonObject = {},
): Promise<Prompted> {
  const json = JSON.parse(
    readFileSync(join(__dirname, '..', schematic, 'schema.json'), 'utf8'),
  ) as JsonObject;
  const registry = new schema.CoreSchemaRegistry();
  registry.addPostTransform(schema.transforms.addUndefinedDefaults);
  const asked: schema.PromptDefinition[] = [];
  registry.usePromptProvider(async (definitions) => {
    asked.push(...definitions);
    return Object.fromEntries(
      definitions.map((definition) => {
        const name = definition.id.slice(1);
        return [definition.id, name in answers ? answers[name] : definition.default];
      }),
    ) as Record<string, JsonValue>;
  });
  const validate = await registry.compile(json);
  const result = await validate({ ...options });
  if (!result.success) throw new Error(JSON.stringify(result.errors));
  return { asked, options: result.data as JsonObject };
}

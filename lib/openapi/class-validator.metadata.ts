import type { DtoClass } from '../validation/dto-class';

/** One class-validator rule on a property, as its metadata storage holds it. */
export interface Rule {
  type: string;
  name?: string;
  propertyName: string;
  constraints?: unknown[];
  each?: boolean;
}

/** What describing a DTO reads: its validation rules, and the class behind a nested property. */
export interface DtoMetadata {
  rules(cls: DtoClass): Rule[];
  nestedType(cls: DtoClass, property: string): unknown;
}

interface ValidationStorage {
  getTargetValidationMetadatas(
    target: DtoClass,
    schema: string,
    always: boolean,
    strictGroups: boolean,
  ): Rule[];
}

interface TypeStorage {
  findTypeMetadata(target: DtoClass, property: string): { typeFunction(): unknown } | undefined;
}

/**
 * Reads DTO metadata from class-validator and class-transformer (optional peers, loaded here);
 * throws naming the DTO and the install command when class-validator is missing.
 */
export function loadDtoMetadata(dtoName: string): DtoMetadata {
  let storage: ValidationStorage;
  /* eslint-disable @typescript-eslint/no-require-imports -- optional peers, loaded on first use */
  try {
    const classValidator = require('class-validator') as typeof import('class-validator');
    storage = classValidator.getMetadataStorage() as unknown as ValidationStorage;
  } catch (error) {
    throw new Error(
      `payloadSchema ${dtoName} is a DTO class, which needs class-validator to be described; install it: npm install class-validator class-transformer`,
      { cause: error },
    );
  }
  let types: TypeStorage | undefined;
  try {
    // class-transformer keeps @Type() targets in an internal storage with no public accessor.
    types = (require('class-transformer/cjs/storage') as { defaultMetadataStorage: TypeStorage })
      .defaultMetadataStorage;
  } catch {
    types = undefined;
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
  return {
    // No groups and no `always`, as mindoff's own validate() call runs them.
    rules: (cls) => storage.getTargetValidationMetadatas(cls, '', false, false),
    nestedType: (cls, property) => types?.findTypeMetadata(cls, property)?.typeFunction(),
  };
}

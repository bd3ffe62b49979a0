import fc from 'fast-check';
import {
  abandoned,
  badUtf8,
  contentTypes,
  deep,
  malformed,
  oversize,
  protoKeys,
  valid,
  wide,
  wrongTypes,
} from './hostile-fuzz.body-cases';
import type { FuzzCase } from './hostile-fuzz.http';
import {
  absurdHeaders,
  authorization,
  encodedPaths,
  getWithJunk,
  methods,
  tasks,
  versions,
} from './hostile-fuzz.request-cases';

/** Every kind of hostile (and some valid) request, weighted. */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  { weight: 4, arbitrary: valid },
  { weight: 3, arbitrary: malformed },
  { weight: 3, arbitrary: wrongTypes },
  { weight: 2, arbitrary: deep },
  { weight: 1, arbitrary: wide },
  { weight: 2, arbitrary: protoKeys },
  { weight: 2, arbitrary: badUtf8 },
  { weight: 3, arbitrary: contentTypes },
  { weight: 2, arbitrary: absurdHeaders },
  { weight: 1, arbitrary: authorization },
  { weight: 2, arbitrary: methods },
  { weight: 2, arbitrary: versions },
  { weight: 3, arbitrary: encodedPaths },
  { weight: 1, arbitrary: tasks },
  { weight: 1, arbitrary: oversize },
  { weight: 1, arbitrary: abandoned },
  { weight: 1, arbitrary: getWithJunk },
);

/** A user of the sample's demo token store. */
export interface DemoUser {
  id: number;
  name: string;
}

/** Demo bearer tokens (documented in the README): never do this outside a sample. */
export const DEMO_TOKENS: ReadonlyMap<string, DemoUser> = new Map([
  ['demo-token-asha', { id: 1, name: 'Asha' }],
  ['demo-token-ravi', { id: 2, name: 'Ravi' }],
]);

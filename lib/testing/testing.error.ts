/** A test that uses the kit wrongly (an unknown urlName, a payload on a GET...); the message says the fix. */
export class MindoffTestingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MindoffTestingError';
  }
}

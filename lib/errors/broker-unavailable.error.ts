/** The queue's broker could not be reached; answered `QUEUE_SERVICE_UNAVAILABLE` (503). */
export class BrokerUnavailableError extends Error {
  constructor(reason: string) {
    super(`The queue broker is unreachable: ${reason}`);
    this.name = 'BrokerUnavailableError';
  }
}

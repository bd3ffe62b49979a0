import type { TaskRequest } from '../../task.types';
import { readOnDemand, StoredJson } from './stored-json';

type Inputs = Pick<TaskRequest, 'payload' | 'query' | 'params' | 'user'>;

/**
 * A task's inputs (payload, query, params, user) as the embedded driver keeps them: serialized once
 * when the task is queued, parsed again only by whoever reads them (the worker, a retry's run).
 * A detail, a list or a stream heartbeat never touches them.
 */
export class StoredInputs {
  private readonly inputs: StoredJson<Inputs>;

  constructor(request: TaskRequest) {
    const { payload, query, params, user } = request;
    this.inputs = new StoredJson<Inputs>({ payload, query, params, user });
  }

  get size(): number {
    return this.inputs.size;
  }

  /** The request parsed in full, for a run. */
  parsed(head: TaskRequest): TaskRequest {
    return { ...head, ...this.inputs.read() };
  }

  /** A fresh request whose input fields are parsed only if read. */
  view(head: TaskRequest): TaskRequest {
    const request = { ...head };
    let inputs: Inputs | undefined;
    const read = () => (inputs ??= this.inputs.read());
    readOnDemand(request, 'payload', () => read().payload);
    readOnDemand(request, 'query', () => read().query);
    readOnDemand(request, 'params', () => read().params);
    readOnDemand(request, 'user', () => read().user);
    return request;
  }
}

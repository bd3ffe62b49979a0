import { All, SetMetadata, type Type } from '@nestjs/common';
import { markMindoffRoute } from '../../routing/mindoff-route.handler';
import type { QueueEndpoint } from './queue-endpoints';

/** Metadata key on a task endpoint's handler: its `TaskEndpointSpec`. */
export const TASK_ENDPOINT_METADATA = 'mindoff:task-endpoint';

/** What the task-access guard needs to know about an endpoint. */
export interface TaskEndpointSpec {
  readonly name: QueueEndpoint;
  /** The one method it answers; any other is `INVALID_METHOD` (405) with `Allow`. */
  readonly method: 'GET' | 'POST';
  /** Whether the path names a task (`:id`), whose access is checked before the handler. */
  readonly addressesTask: boolean;
}

/**
 * Declares a task endpoint at `path`: the route answers every method (so a wrong one reaches the
 * guard and gets its envelope), and the route is mindoff's (no
 * framework parser reads its body; framework errors on it are answered in the envelope).
 */
export function TaskEndpoint(
  name: QueueEndpoint,
  method: TaskEndpointSpec['method'],
  path: string,
): MethodDecorator {
  return (target, key, descriptor) => {
    All(path)(target, key, descriptor);
    const spec: TaskEndpointSpec = { name, method, addressesTask: path.startsWith(':id') };
    SetMetadata(TASK_ENDPOINT_METADATA, spec)(target, key, descriptor);
    markMindoffRoute(descriptor.value as object, target.constructor as Type<unknown>);
  };
}

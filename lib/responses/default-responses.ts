import type { CatalogRow } from './envelope.interface';

/** mindoff's built-in response codes; the app's `config/responses.csv` adds to or overrides them. */
export const DEFAULT_RESPONSES = [
  {
    code: 'UNEXPECTED_ERR',
    title: 'Uh oh!',
    description: 'An Unexpected Error has occurred.',
    httpStatus: 500,
  },
  {
    code: 'API_CONFIG_ERR',
    title: 'Service Unavailable',
    description: 'Unable to process the request due to a configuration issue.',
    httpStatus: 500,
  },
  {
    code: 'VALIDATION_ERR',
    title: 'Validation Failed',
    description: 'Submitted data failed validation',
    httpStatus: 400,
  },
  {
    code: 'NOT_AUTHENTICATED',
    title: 'Authentication Required',
    description: 'Authentication credentials were not provided.',
    httpStatus: 401,
  },
  {
    code: 'AUTHENTICATION_FAILED',
    title: 'Authentication Failed',
    description: 'The provided authentication credentials are invalid.',
    httpStatus: 401,
  },
  {
    code: 'PERMISSION_DENIED',
    title: 'Access Denied',
    description: 'You do not have permission to perform this action.',
    httpStatus: 403,
  },
  {
    code: 'RATE_LIMITED',
    title: 'Too Many Requests',
    description: 'Request limit exceeded. Please try again shortly.',
    httpStatus: 429,
  },
  {
    code: 'INVALID_METHOD',
    title: 'Invalid Method',
    description: 'Method Not Allowed.',
    httpStatus: 405,
  },
  {
    code: 'API_RATE_LIMITED',
    title: 'Service Limit Reached',
    description: 'Service request limit exceeded. Please try again later.',
    httpStatus: 429,
  },
  {
    code: 'RATE_LIMIT_UNAVAILABLE',
    title: 'Service Unavailable',
    description: 'Request limits cannot be checked right now. Please try again shortly.',
    httpStatus: 503,
  },
  {
    code: 'IDEMPOTENCY_KEY_REQUIRED',
    title: 'Idempotency Key Required',
    description: 'This request needs an Idempotency-Key header.',
    httpStatus: 400,
  },
  {
    code: 'IDEMPOTENCY_KEY_INVALID',
    title: 'Invalid Idempotency Key',
    description: 'The Idempotency-Key must be 1 to 255 printable ASCII characters.',
    httpStatus: 400,
  },
  {
    code: 'IDEMPOTENCY_KEY_IN_USE',
    title: 'Request In Progress',
    description: 'A request with this Idempotency-Key is still being processed. Retry shortly.',
    httpStatus: 409,
  },
  {
    code: 'IDEMPOTENCY_KEY_REUSED',
    title: 'Idempotency Key Reused',
    description: 'This Idempotency-Key was already used for a different request.',
    httpStatus: 422,
  },
  {
    code: 'IDEMPOTENCY_UNAVAILABLE',
    title: 'Service Unavailable',
    description: 'Idempotency keys cannot be checked right now. Please try again shortly.',
    httpStatus: 503,
  },
  {
    code: 'PAYLOAD_NOT_ALLOWED',
    title: 'Request Not Accepted',
    description: 'This request does not allow a payload.',
    httpStatus: 400,
  },
  {
    code: 'PAYLOAD_TOO_LARGE',
    title: 'Request Too Large',
    description: 'The request size exceeds the allowed limit',
    httpStatus: 413,
  },
  {
    code: 'INVALID_PAYLOAD',
    title: 'Invalid Payload',
    description: 'Payload does not match the accepted format.',
    httpStatus: 400,
  },
  {
    code: 'MALFORMED_PAYLOAD',
    title: 'Malformed Payload',
    description: 'The request body could not be parsed.',
    httpStatus: 400,
  },
  {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    title: 'Unsupported Media Type',
    description: 'The request content type is not supported by this API.',
    httpStatus: 415,
  },
  {
    code: 'ROUTE_NOT_FOUND',
    title: 'Not Found',
    description: 'No API matches this path.',
    httpStatus: 404,
  },
  {
    code: 'RESOURCE_NOT_FOUND',
    title: 'Not Found',
    description: 'The requested resource does not exist.',
    httpStatus: 404,
  },
  {
    code: 'NOT_ACCEPTABLE',
    title: 'Not Acceptable',
    description: 'No representation of the resource matches the Accept header.',
    httpStatus: 406,
  },
  {
    code: 'REQUEST_TIMEOUT',
    title: 'Request Timeout',
    description: 'The request took too long to arrive.',
    httpStatus: 408,
  },
  {
    code: 'CONFLICT',
    title: 'Conflict',
    description: 'The request conflicts with the current state of the resource.',
    httpStatus: 409,
  },
  {
    code: 'GONE',
    title: 'Gone',
    description: 'The requested resource is no longer available.',
    httpStatus: 410,
  },
  {
    code: 'PRECONDITION_FAILED',
    title: 'Precondition Failed',
    description: 'A precondition of the request does not hold.',
    httpStatus: 412,
  },
  {
    code: 'UNPROCESSABLE_ENTITY',
    title: 'Unprocessable Entity',
    description: 'The request is well formed but cannot be processed.',
    httpStatus: 422,
  },
  {
    code: 'NOT_IMPLEMENTED',
    title: 'Not Implemented',
    description: 'The server does not support this operation.',
    httpStatus: 501,
  },
  {
    code: 'BAD_GATEWAY',
    title: 'Bad Gateway',
    description: 'An upstream service answered with an error.',
    httpStatus: 502,
  },
  {
    code: 'SERVICE_UNAVAILABLE',
    title: 'Service Unavailable',
    description: 'The service is unavailable. Please try again later.',
    httpStatus: 503,
  },
  {
    code: 'GATEWAY_TIMEOUT',
    title: 'Gateway Timeout',
    description: 'An upstream service did not answer in time.',
    httpStatus: 504,
  },
  {
    code: 'INVALID_API_VERSION',
    title: 'Invalid API Version',
    description: 'Given API version does not exist for this endpoint.',
    httpStatus: 404,
  },
  {
    code: 'SUCCESS',
    title: 'Success',
    description: 'Operation completed successfully.',
    httpStatus: 200,
  },
  {
    code: 'CREATED',
    title: 'Successfully Created',
    description: 'Information have been saved successfully.',
    httpStatus: 200,
  },
  {
    code: 'UPDATED',
    title: 'Successfully Updated',
    description: 'Information have been updated successfully.',
    httpStatus: 200,
  },
  { code: 'QUEUED', title: 'Queued', description: 'Operation added to queue.', httpStatus: 200 },
  {
    code: 'QUEUE_SERVICE_UNAVAILABLE',
    title: 'Queue Service Unavailable',
    description: 'Queuing service is currently unavailable. Please try again later.',
    httpStatus: 503,
  },
  {
    code: 'QUEUE_TASK_NOT_FOUND',
    title: 'Queued Task Not Found',
    description: 'The requested queued task does not exist or has expired.',
    httpStatus: 404,
  },
  {
    code: 'QUEUE_TASK_CANCELLED',
    title: 'Queue Task Cancelled',
    description: 'The queue task was cancelled before completion.',
    httpStatus: 200,
  },
  {
    code: 'QUEUE_TASK_PENDING',
    title: 'Queue Task Pending',
    description: 'The queue task has not started yet.',
    httpStatus: 200,
  },
  {
    code: 'QUEUE_TASK_RUNNING',
    title: 'Queue Task Running',
    description: 'The queue task is currently in progress.',
    httpStatus: 200,
  },
  {
    code: 'QUEUE_TASK_FAILED',
    title: 'Queue Task Failed',
    description: 'The queue task failed during execution.',
    httpStatus: 200,
  },
  {
    code: 'QUEUE_TASK_UNKNOWN_STATUS',
    title: 'Queue Task Unknown Status',
    description: 'The queue task is in an unknown state.',
    httpStatus: 200,
  },
  {
    code: 'QUEUE_TASK_NOT_CANCELLABLE',
    title: 'Queue Task Not Cancellable',
    description: 'The queue task cannot be cancelled in its current state.',
    httpStatus: 400,
  },
  {
    code: 'QUEUE_TASK_NOT_RETRIABLE',
    title: 'Queue Task Not Retriable',
    description: 'Only failed or cancelled queue tasks can be retried.',
    httpStatus: 400,
  },
] as const satisfies readonly CatalogRow[];

/** The name of a built-in response code. */
export type DefaultResponseCode = (typeof DEFAULT_RESPONSES)[number]['code'];

/** The built-in code names, for typo-free use: `ResponseCodes.SUCCESS === 'SUCCESS'`. */
export const ResponseCodes: { readonly [C in DefaultResponseCode]: C } = Object.freeze(
  Object.fromEntries(DEFAULT_RESPONSES.map(({ code }) => [code, code])) as {
    [C in DefaultResponseCode]: C;
  },
);

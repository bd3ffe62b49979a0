import { parseRate } from '../throttling';

/** The built-in task endpoints, their methods and their own request limits (per user or IP). */
export const QUEUE_ENDPOINTS = {
  detail: { method: 'GET', rate: parseRate('120/m') },
  list: { method: 'GET', rate: parseRate('120/m') },
  stream: { method: 'GET', rate: parseRate('60/m') },
  streamTicket: { method: 'POST', rate: parseRate('60/m') },
  cancel: { method: 'POST', rate: parseRate('60/m') },
  retry: { method: 'POST', rate: parseRate('120/m') },
} as const;

export type QueueEndpoint = keyof typeof QUEUE_ENDPOINTS;

/** The base path of the task endpoints. */
export const QUEUE_BASE_PATH = 'mindoff/queue';

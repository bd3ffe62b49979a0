import { createHash } from 'node:crypto';

/** Where the driver keeps a stream ticket: under its SHA-256, so a stored ticket cannot be used. */
export function streamTicketKey(ticket: string): string {
  return `ticket:${createHash('sha256').update(ticket).digest('hex')}`;
}

/** What a stream ticket is bound to. */
export interface StreamTicketBinding {
  taskId: string;
  ownerId: string | null;
}

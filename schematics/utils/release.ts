/**
 * Whether this mindoff runs queue-mode APIs. Until it does, `--type queue` generates a direct API
 * and says so, because a queue-mode API would stop the app at startup.
 */
export const QUEUE_MODE_RELEASED = false;

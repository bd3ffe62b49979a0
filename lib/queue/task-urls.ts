/**
 * The URLs of a task's endpoints, as the acknowledgment lists them. `root` is where the task
 * endpoints are served (see `taskRoot`): `https://host/api/mindoff/queue`, or `/api/mindoff/queue`
 * when no trusted origin is known.
 */
export function taskUrls(root: string, id: string) {
  const task = `${root}/${id}`;
  return {
    response_url: `${task}/`,
    status_stream_url: `${task}/stream/`,
    stream_ticket_url: `${task}/stream-ticket/`,
    cancel_url: `${task}/cancel/`,
    retry_url: `${task}/retry/`,
  };
}

/** The absolute URLs of a task's endpoints, as the acknowledgment lists them. */
export function taskUrls(base: string, id: string) {
  const root = `${base}/mindoff/queue/${id}`;
  return {
    response_url: `${root}/`,
    status_stream_url: `${root}/stream/`,
    stream_ticket_url: `${root}/stream-ticket/`,
    cancel_url: `${root}/cancel/`,
    retry_url: `${root}/retry/`,
  };
}

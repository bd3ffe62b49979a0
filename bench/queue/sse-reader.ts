/** Reads a Server-Sent Events response and calls `onData` with each event's parsed data. */
export async function readEvents(
  url: string,
  onData: (data: {
    job_status: string;
    progress: { percent: number; current_message: string };
  }) => void,
): Promise<void> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`stream answered ${res.status}: ${await res.text()}`);
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trim())
        .join('');
      if (data) onData(JSON.parse(data));
    }
  }
}

/**
 * The sample's home page: starts an inventory report at `reportUrl` (where the router serves it,
 * global prefix included) and follows it live with EventSource (a stream ticket stands in for the
 * Authorization header a browser cannot send); the task's own URLs come from the acknowledgment.
 */
export const progressPage = (reportUrl: string): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>mindoff sample: a background report</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }
  .bar { height: 1.25rem; background: #e5e7eb; border-radius: .5rem; overflow: hidden; }
  .fill { height: 100%; width: 0; background: #2563eb; transition: width .2s; }
  pre { background: #f3f4f6; padding: 1rem; border-radius: .5rem; }
</style>
</head>
<body>
<h1>Inventory report</h1>
<p>Runs <code>POST ${reportUrl}</code> in queue mode and follows the task's status stream.</p>
<button id="start">Generate report</button>
<p><span id="status">idle</span> · <span id="percent">0</span>% · <span id="step"></span></p>
<div class="bar" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="0" id="bar"><div class="fill" id="fill"></div></div>
<pre id="summary" hidden></pre>
<script>
const $ = (id) => document.getElementById(id);
function show(state) {
  $('status').textContent = state.job_status;
  $('percent').textContent = state.progress.percent;
  $('step').textContent = state.progress.current_message;
  $('fill').style.width = state.progress.percent + '%';
  $('bar').setAttribute('aria-valuenow', String(state.progress.percent));
}
async function post(url, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  return res.json();
}
$('start').addEventListener('click', async () => {
  $('start').disabled = true;
  $('summary').hidden = true;
  const ack = await post(${JSON.stringify(reportUrl)}, { report_name: 'Weekly stock' });
  const task = ack.data;
  $('status').textContent = 'queued';
  const ticket = await post(task.stream_ticket_url);
  const source = new EventSource(ticket.data.status_stream_url);
  source.onmessage = async (event) => {
    const state = JSON.parse(event.data);
    show(state);
    if (['completed', 'failed', 'cancelled'].includes(state.job_status)) {
      source.close();
      const result = await (await fetch(task.response_url)).json();
      $('summary').textContent = JSON.stringify(result.data, null, 2);
      $('summary').hidden = false;
      $('start').disabled = false;
    }
  };
  source.onerror = () => source.close();
});
</script>
</body>
</html>
`;

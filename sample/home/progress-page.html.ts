/** Where the home page finds what it uses (global prefix included). */
export interface ProgressPageUrls {
  /** The report API, e.g. `/v1/jobs/generate_inventory_report/`. */
  reportUrl: string;
  /** The ES module entry of `mindoff/client`. */
  clientUrl: string;
  /** The app's route table, read by the client. */
  manifestPath: string;
}

/**
 * The sample's home page: starts an inventory report through `mindoff/client` and follows its task
 * live (the client asks for a stream ticket and reads the status stream); a reload re-attaches to
 * a report still running. What is left to the page is its own display.
 */
export const progressPage = ({
  reportUrl,
  clientUrl,
  manifestPath,
}: ProgressPageUrls): string => `<!doctype html>
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
<p>Runs <code>POST ${reportUrl}</code> in queue mode and follows the task with <code>mindoff/client</code>.</p>
<button id="start">Generate report</button>
<p><span id="status">idle</span> · <span id="percent">0</span>% · <span id="step"></span></p>
<div class="bar" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="0" id="bar"><div class="fill" id="fill"></div></div>
<pre id="summary" hidden></pre>
<script type="module">
import { createMindoffClient } from ${JSON.stringify(clientUrl)};

const client = createMindoffClient({ manifestPath: ${JSON.stringify(manifestPath)} });
const $ = (id) => document.getElementById(id);

function show({ status, percent, message }) {
  $('status').textContent = status;
  $('percent').textContent = percent;
  $('step').textContent = message;
  $('fill').style.width = percent + '%';
  $('bar').setAttribute('aria-valuenow', String(percent));
}

async function follow(task) {
  $('start').disabled = true;
  $('summary').hidden = true;
  sessionStorage.setItem('report-task', task.id);
  for await (const progress of task.progress()) show(progress);
  const result = await task.result();
  sessionStorage.removeItem('report-task');
  $('summary').textContent = JSON.stringify(result.data, null, 2);
  $('summary').hidden = false;
  $('start').disabled = false;
}

function failed(error) {
  $('status').textContent = 'error: ' + error.message;
  $('start').disabled = false;
}

$('start').addEventListener('click', async () => {
  $('status').textContent = 'queued';
  const payload = { report_name: 'Weekly stock' };
  await follow(await client.enqueue('jobs__generate_inventory_report', { version: 1, payload })).catch(failed);
});

// A reload while a report runs picks it up again.
const running = sessionStorage.getItem('report-task');
if (running) follow(client.task(running)).catch(failed);
</script>
</body>
</html>
`;

import type { ServerResponse } from 'node:http';
import type { MindoffContext, UploadedFile } from '../interfaces/mindoff-context.interface';
import type { DataWriter } from '../rendering/result-envelope';
import type { ResultRenderer } from '../rendering/result.renderer';
import { NO_FILES } from '../uploads/upload-rules';

/** The context `run()` gets in direct mode; the abort signal is made only if `run()` asks for it. */
export class DirectContext<P = unknown, U = unknown> implements MindoffContext<
  P,
  U,
  Record<string, unknown>,
  Record<string, unknown>
> {
  private controller?: AbortController;

  constructor(
    readonly payload: P,
    private checkedQuery: Record<string, unknown> | undefined,
    readonly params: Record<string, unknown>,
    readonly user: U | null,
    readonly version: number,
    readonly urlName: string,
    readonly request: unknown,
    private readonly response: unknown,
    private readonly rawResponse: ServerResponse,
    private readonly renderer: ResultRenderer,
    readonly requestId: string,
    readonly files: Readonly<Record<string, UploadedFile[]>> = NO_FILES,
    private readonly writeData: DataWriter | null = null,
  ) {}

  /**
   * The query string: as the API's `query` schema checked it, or else as the framework parsed it,
   * read when `run()` first asks (express parses the URL again on every read).
   */
  get query(): Record<string, unknown> {
    return (this.checkedQuery ??=
      (this.request as { query?: Record<string, unknown> }).query ?? {});
  }

  /** Runs the API's `run()` in the request and answers with what it returned. */
  async execute(api: { run(ctx: unknown): unknown }): Promise<unknown> {
    return this.respond(await api.run(this));
  }

  /**
   * The answer for what `run()` returned (status and headers set; the body returned), its data
   * written by the API's `responseSchema` when it declares one.
   */
  respond(result: unknown): unknown {
    return this.renderer.renderJson(this.response, result, this.writeData ?? undefined);
  }

  /** Aborted when the client goes away before the response is sent. */
  get signal(): AbortSignal {
    if (!this.controller) {
      const controller = (this.controller = new AbortController());
      const response = this.rawResponse;
      response.once('close', () => {
        if (!response.writableFinished) controller.abort(new Error('client disconnected'));
      });
    }
    return this.controller.signal;
  }

  /** Progress checkpoints only mean something for queued tasks (bound: `run({ checkpoint })` works). */
  readonly checkpoint = (_step: string, _message?: string): Promise<void> => Promise.resolve();
}

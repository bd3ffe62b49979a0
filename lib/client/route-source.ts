import type { MindoffClientManifest, MindoffRoute, MindoffRouteTable } from './route-table.type.js';
import { MindoffClientError } from './mindoff-client.error.js';
import type { EnvelopeAnswer, Transport } from './transport.js';

/** What the client knows of the app: where each API version and the task endpoints are served. */
export interface KnownRoutes {
  apis: MindoffRouteTable;
  taskBase: string;
}

const DEFAULT_MANIFEST_PATH = '/mindoff/apis/';
const DEFAULT_TASK_BASE = '/mindoff/queue';

/**
 * The route table: the one given, or the app's manifest fetched once (concurrent first calls share
 * the request; a failed fetch is tried again by the next call).
 */
export class RouteSource {
  private loading?: Promise<KnownRoutes>;

  constructor(
    private readonly transport: Transport,
    private readonly given: {
      routes?: MindoffRouteTable;
      manifestPath?: string;
      taskBase?: string;
    },
  ) {}

  /** The known routes, fetching the manifest the first time when no table was given. */
  load(): Promise<KnownRoutes> {
    if (this.given.routes) {
      return Promise.resolve({
        apis: this.given.routes,
        taskBase: trimEnd(this.given.taskBase ?? DEFAULT_TASK_BASE),
      });
    }
    this.loading ??= this.fetchManifest().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  /** The route of `version` of `urlName`; `not_served` when the table does not list it. */
  async route(urlName: string, version: number): Promise<MindoffRoute> {
    const { apis } = await this.load();
    const versions = apis[urlName];
    const route = versions?.[String(version)];
    if (route && route.paths.length > 0) return route;
    const served = versions ? Object.keys(versions).map((v) => `v${v}`) : [];
    throw new MindoffClientError(
      'not_served',
      versions
        ? `${urlName} v${version} is not served; the app serves ${served.join(', ')}.`
        : `${urlName} is not in the app's route table.`,
    );
  }

  private async fetchManifest(): Promise<KnownRoutes> {
    const path = this.given.manifestPath ?? DEFAULT_MANIFEST_PATH;
    const hint = `serve it with MindoffModule.forRoot({ clientManifest: true }) (under a global prefix, set manifestPath: '/<prefix>/mindoff/apis/'), or pass routes to createMindoffClient().`;
    let answer: EnvelopeAnswer;
    try {
      answer = await this.transport.send({ method: 'GET', path });
    } catch (error) {
      if (
        error instanceof MindoffClientError &&
        error.kind === 'not_envelope' &&
        error.status === 404
      ) {
        throw new MindoffClientError('not_served', `No route table at ${error.url}: ${hint}`, {
          url: error.url,
          status: 404,
          body: error.body,
        });
      }
      throw error;
    }
    const manifest = answer.envelope.data as Partial<MindoffClientManifest> | null;
    if (answer.envelope.status !== 'ok' || typeof manifest?.apis !== 'object' || !manifest.apis) {
      throw new MindoffClientError(
        'not_served',
        `No route table at ${this.transport.url(path)} (${answer.envelope.message.code}): ${hint}`,
        { url: this.transport.url(path), status: answer.status },
      );
    }
    return {
      apis: manifest.apis,
      taskBase: trimEnd(this.given.taskBase ?? manifest.taskBase ?? DEFAULT_TASK_BASE),
    };
  }
}

function trimEnd(path: string): string {
  return path.replace(/\/+$/, '');
}

import type { Type } from '@nestjs/common';
import { resolveOptions } from '../options/resolve-options';
import type { CompiledApi } from '../registry/compiled-api';
import { clientManifest } from './client-manifest';

class GetOrderV1Api {}
class ReportV1Api {}

function api(
  cls: Type<unknown>,
  urlName: string,
  method: string,
  processMode: 'direct' | 'queue',
  apiPaths: string[],
): CompiledApi {
  return {
    cls,
    urlName,
    method,
    processMode,
    route: { version: 1, apiPath: apiPaths[0], apiPaths, versions: [1] },
  } as unknown as CompiledApi;
}

describe('clientManifest', () => {
  const getOrder = api(GetOrderV1Api, 'orders__get_order', 'get', 'direct', [
    'orders/get_order/:order_id',
    'orders/:order_id',
  ]);
  const report = api(ReportV1Api, 'jobs__report', 'POST', 'queue', ['jobs/report']);
  const served = {
    mountOf: (cls: Type<unknown>) => (cls === GetOrderV1Api ? '/api/admin' : '/api'),
    taskBase: () => '/api/mindoff/queue',
  };

  it('lists each version with its method, every served pattern and its mode, and the task base', () => {
    expect(clientManifest([getOrder, report], served)).toEqual({
      apis: {
        orders__get_order: {
          '1': {
            method: 'GET',
            paths: ['/api/admin/v1/orders/get_order/:order_id/', '/api/admin/v1/orders/:order_id/'],
            queued: false,
          },
        },
        jobs__report: { '1': { method: 'POST', paths: ['/api/v1/jobs/report/'], queued: true } },
      },
      taskBase: '/api/mindoff/queue',
    });
  });

  it('lists the file fields of an API that reads a form, and none for the others', () => {
    const upload = {
      ...api(GetOrderV1Api, 'files__upload', 'POST', 'direct', ['files/upload']),
      uploads: { names: ['avatar', 'photos'] },
    } as unknown as CompiledApi;
    const { apis } = clientManifest([upload, report], served);
    expect(apis.files__upload['1'].files).toEqual(['avatar', 'photos']);
    expect(apis.jobs__report['1']).not.toHaveProperty('files');
  });

  it('has no task base without a queue-mode API', () => {
    expect(clientManifest([getOrder], served).taskBase).toBeNull();
  });
});

describe('the clientManifest option', () => {
  it('is off unless set to true', () => {
    expect(resolveOptions({}).options.clientManifest).toBe(false);
    expect(resolveOptions({ clientManifest: true }).options.clientManifest).toBe(true);
  });

  it('refuses anything but a boolean at startup', () => {
    const { options, problems } = resolveOptions({ clientManifest: 'yes' as unknown as boolean });
    expect(options.clientManifest).toBe(false);
    expect(problems).toEqual(['MindoffModule: clientManifest must be true or false, got "yes".']);
  });
});

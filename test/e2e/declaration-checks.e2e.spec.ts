import { Logger, Module } from '@nestjs/common';
import {
  DictOf,
  Int,
  ListOf,
  MindoffApi,
  MindoffConfigurationError,
  MindoffModule,
  MindoffVersions,
  Optional,
  type MindoffApiOptions,
} from 'mindoff';
import { initOutcome } from '../support/init-outcome';

const bad = (options: Record<string, unknown>) => options as unknown as MindoffApiOptions;

@MindoffApi({ urlName: 'shop__order', name: 'Order', method: 'GET', params: { order_id: Int } })
class MissingParamV1Api {
  async run() {
    return {};
  }
}

@MindoffApi({ urlName: 'shop__item', name: 'Item', method: 'GET' })
class UndeclaredParamV1Api {
  async run() {
    return {};
  }
}

@MindoffApi({ urlName: 'shop__first', name: 'First', method: 'GET', params: { id: Int } })
class FirstV1Api {
  async run() {
    return {};
  }
}

@MindoffApi({ urlName: 'shop__second', name: 'Second', method: 'GET', params: { item_id: Int } })
class SecondV1Api {
  async run() {
    return {};
  }
}

@MindoffApi(
  bad({
    urlName: 'shop__shapes',
    name: 'Shapes',
    method: 'GET',
    params: { id: Optional(Int) },
    query: { filter: { status: String }, tags: ListOf([String]), map: DictOf(String) },
    deprecated: { sunset: '30/06/2027', link: 'javascript:alert(1)', until: 1 },
  }),
)
class ShapesV1Api {
  async run() {
    return {};
  }
}

@Module({
  imports: [
    MindoffModule.forRoot({}),
    MindoffVersions.register(
      { 1: MissingParamV1Api },
      { path: ['shop/orders/:order_id', 'shop/orders'] },
    ),
    MindoffVersions.register({ 1: UndeclaredParamV1Api }, { path: 'shop/items/:item_id' }),
    MindoffVersions.register({ 1: FirstV1Api }, { path: 'shop/things/:id' }),
    MindoffVersions.register({ 1: SecondV1Api }, { path: 'shop/Things/:item_id' }),
    MindoffVersions.register({ 1: ShapesV1Api }, { path: 'shop/shapes/:id' }),
  ],
})
class BrokenDeclarationsModule {}

@MindoffApi({
  urlName: 'old__thing',
  name: 'Old Thing',
  method: 'GET',
  deprecated: { sunset: '2020-01-31' },
})
class OldThingV1Api {
  async run() {
    return {};
  }
}

@Module({
  imports: [MindoffModule.forRoot({}), MindoffVersions.register({ 1: OldThingV1Api })],
})
class PastSunsetModule {}

describe('startup checks of patterns, params, query and deprecation', () => {
  let message: string;
  beforeAll(async () => {
    const error = await initOutcome(BrokenDeclarationsModule);
    expect(error).toBeInstanceOf(MindoffConfigurationError);
    message = error!.message;
  });

  it('names a declared parameter missing from one of the patterns', () => {
    expect(message).toContain(
      "MissingParamV1Api: params.order_id is not a ':order_id' segment of the pattern 'shop/orders'",
    );
  });

  it('names a pattern parameter that params does not declare, with the fix', () => {
    expect(message).toContain(
      "UndeclaredParamV1Api: params does not declare ':item_id' of the pattern 'shop/items/:item_id'; add params: { item_id: String }",
    );
  });

  it('names two APIs claiming the same pattern (parameter names and case aside)', () => {
    expect(message).toContain(
      "SecondV1Api: the pattern 'shop/Things/:item_id' is already served by FirstV1Api at the same version",
    );
  });

  it('names URL schemas that are not flat, and a bad deprecation', () => {
    for (const expected of [
      'ShapesV1Api: params.id: a path parameter is always present; drop Optional(...)',
      'ShapesV1Api: query.filter: URL values are text',
      'ShapesV1Api: query.tags: ListOf(...) of a URL value takes a scalar',
      'ShapesV1Api: query.map: URL values are text',
      "ShapesV1Api: deprecated.sunset '30/06/2027' must be an ISO date",
      "ShapesV1Api: deprecated.link 'javascript:alert(1)' must be an absolute http(s) URL",
      'ShapesV1Api: deprecated.until is not known',
    ]) {
      expect(message).toContain(expected);
    }
  });

  it('warns at startup once a sunset date has passed, and still starts', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      expect(await initOutcome(PastSunsetModule)).toBeUndefined();
      expect(warn).toHaveBeenCalledWith(
        'OldThingV1Api: this version is deprecated and its sunset date 2020-01-31 has passed; remove it from its version map or move the date.',
      );
    } finally {
      warn.mockRestore();
    }
  });
});

import { AssertionError } from 'node:assert';
import { MindoffApi, MindoffVersions } from 'mindoff';
import { createTestApp, expectVersionMap, versionsOf, type MindoffTestApp } from 'mindoff/testing';

@MindoffApi({ urlName: 'maps__pay', name: 'Pay', method: 'POST' })
class PayV1Api {
  async run() {
    return {};
  }
}

@MindoffApi({ urlName: 'maps__pay', name: 'Pay', method: 'POST' })
class PayV2Api extends PayV1Api {}

@MindoffApi({ urlName: 'maps__refund', name: 'Refund', method: 'POST' })
class RefundV1Api {
  async run() {
    return {};
  }
}

const PayVersions = MindoffVersions.register({ 1: PayV1Api, 2: PayV2Api });
const RefundVersions = MindoffVersions.register({ 1: RefundV1Api });

describe('version map helpers', () => {
  let app: MindoffTestApp;
  beforeAll(async () => {
    app = await createTestApp(PayVersions);
  });
  afterAll(() => app.close());

  it('versionsOf lists the versions of a map in order', () => {
    expect(versionsOf(PayVersions)).toEqual([1, 2]);
  });

  it('expectVersionMap passes when each version is served by its class', () => {
    expect(() => expectVersionMap(app, PayVersions)).not.toThrow();
  });

  it('expectVersionMap fails, naming the version and class, when the map is not served', () => {
    expect(() => expectVersionMap(app, RefundVersions)).toThrow(
      new AssertionError({
        message:
          'Version 1 of maps__refund (RefundV1Api) is not served; is its version map imported in the module under test?',
      }).message,
    );
  });

  it('refuses anything but a version map', () => {
    expect(() => versionsOf({ module: class NotAMap {} })).toThrow(
      'Pass a version map, the module MindoffVersions.register({ 1: MyV1Api }) returns.',
    );
  });
});

import { readVersionMap } from './version-map';

const versions = (source: string) => {
  const map = readVersionMap(source);
  return map && { versions: map.versions, params: map.params };
};

describe('readVersionMap', () => {
  it('reads the versions and the path parameters past comments, trailing commas and quotes', () => {
    const source = `import { MindoffVersions } from 'mindoff';
// MindoffVersions.register({ 9: Commented });
export const GetOrderVersions = MindoffVersions.register(
  {
    1: GetOrderV1Api, // the first
    /* kept for old clients */ 2: GetOrderV2Api,
  },
  { path: ["orders/get_order/:order_id", \`orders/:order_id/:line\`] },
);
`;
    expect(versions(source)).toEqual({
      versions: [
        { version: 1, className: 'GetOrderV1Api' },
        { version: 2, className: 'GetOrderV2Api' },
      ],
      params: ['order_id', 'line'],
    });
  });

  it('takes one path as a string', () => {
    expect(
      versions("MindoffVersions.register({ 1: A }, { path: 'orders/get/:id' });\n")?.params,
    ).toEqual(['id']);
  });

  it('is undefined for a map it cannot read: a variable, a spread, an entry not <n>: <Class>', () => {
    expect(readVersionMap('MindoffVersions.register(versions);\n')).toBeUndefined();
    expect(readVersionMap('MindoffVersions.register({ ...base, 2: B });\n')).toBeUndefined();
    expect(readVersionMap('MindoffVersions.register({ 1: load() });\n')).toBeUndefined();
    expect(readVersionMap('MindoffVersions.register({});\n')).toBeUndefined();
    expect(readVersionMap("const text = 'MindoffVersions.register({ 1: A })';\n")).toBeUndefined();
  });
});

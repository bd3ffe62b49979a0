import { moduleClassOf } from './module-class';

describe('moduleClassOf', () => {
  it('names the class @Module decorates, past other classes, decorators and comments', () => {
    const source = `// export class Commented {}
export class OrdersConfig {}

@Global()
@Module({ imports: [] })
export class OrdersModule {}
`;
    expect(moduleClassOf(source)).toBe('OrdersModule');
  });

  it('falls back on the first exported class, so a module it cannot edit is still found', () => {
    expect(moduleClassOf('class Helper {}\nexport class OrdersModule {}\n')).toBe('OrdersModule');
    expect(moduleClassOf('const meta = {};\n@Module(meta)\nclass OrdersModule {}\n')).toBe(
      'OrdersModule',
    );
  });

  it('is undefined for a file without a module or an exported class', () => {
    expect(moduleClassOf('class Helper {}\n// export class OrdersModule {}\n')).toBeUndefined();
  });
});

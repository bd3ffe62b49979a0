import { nestApp } from '../testing/host-tree';
import { globalPrefix } from './global-prefix';
import { readHostProject } from './project';

const MAIN = (call: string) => `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  ${call}
  await app.listen(process.env.PORT ?? 3000);
}
await bootstrap();
`;

const prefixOf = (main: string | null) => {
  const tree = nestApp('esm', main === null ? {} : { '/src/main.ts': main });
  if (main === null) tree.delete('/src/main.ts');
  return globalPrefix(tree, readHostProject(tree, {}));
};

describe('globalPrefix', () => {
  it.each([
    ["app.setGlobalPrefix('api');", '/api'],
    ['app.setGlobalPrefix("api/v2");', '/api/v2'],
    ['app.setGlobalPrefix(`api`);', '/api'],
    ["app.setGlobalPrefix('/api/');", '/api'],
    ["app.setGlobalPrefix('api', { exclude: ['health'] });", '/api'],
    ["app\n    .setGlobalPrefix(\n    'api',\n  );", '/api'],
    ["app.setGlobalPrefix('');", ''],
    ["app.setGlobalPrefix('/');", ''],
  ])('reads %s as %j', (call, prefix) => {
    expect(prefixOf(MAIN(call))).toBe(prefix);
  });

  it('is empty when main.ts sets no prefix, or has none', () => {
    expect(prefixOf(MAIN(''))).toBe('');
    expect(prefixOf(null)).toBe('');
  });

  it('skips a call in a comment or a string', () => {
    expect(prefixOf(MAIN("// app.setGlobalPrefix('api');"))).toBe('');
    expect(prefixOf(MAIN("/* app.setGlobalPrefix('api'); */"))).toBe('');
    expect(prefixOf(MAIN('console.log("app.setGlobalPrefix(\'api\')");'))).toBe('');
  });

  it('is empty when the prefix is not a string literal it can read', () => {
    expect(prefixOf(MAIN('app.setGlobalPrefix(process.env.PREFIX!);'))).toBe('');
    expect(prefixOf(MAIN('app.setGlobalPrefix(`${base}/api`);'))).toBe('');
  });

  it("reads the sourceRoot's main.ts", () => {
    const main = MAIN("app.setGlobalPrefix('api');");
    const tree = nestApp('esm', {
      '/nest-cli.json': '{ "sourceRoot": "app" }\n',
      '/app/main.ts': main,
    });
    expect(globalPrefix(tree, readHostProject(tree, {}))).toBe('/api');
  });
});

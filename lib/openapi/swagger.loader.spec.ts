describe('loadSwagger', () => {
  afterEach(() => jest.resetModules());

  it('loads @nestjs/swagger when it is installed', () => {
    jest.isolateModules(() => {
      const { loadSwagger } =
        jest.requireActual<typeof import('./swagger.loader')>('./swagger.loader');
      expect(typeof loadSwagger().SwaggerModule.createDocument).toBe('function');
    });
  });

  it('says how to install @nestjs/swagger when it is missing', () => {
    jest.isolateModules(() => {
      jest.doMock('@nestjs/swagger', () => {
        throw Object.assign(new Error("Cannot find module '@nestjs/swagger'"), {
          code: 'MODULE_NOT_FOUND',
        });
      });
      const { loadSwagger } =
        jest.requireActual<typeof import('./swagger.loader')>('./swagger.loader');
      expect(() => loadSwagger()).toThrow(
        'MindoffOpenApi needs @nestjs/swagger to build the API docs; install it: npm install @nestjs/swagger',
      );
    });
  });
});

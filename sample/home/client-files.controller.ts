import { Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where `npm run build` writes the ES module build of `mindoff/client` (the sample runs from the repository root). */
export const CLIENT_ESM_DIR = join(process.cwd(), 'dist', 'client-esm');

/**
 * `GET /mindoff-client/<file>.js`: `mindoff/client` as ES modules, so the home page imports it
 * with no bundler. An app with a bundler imports `mindoff/client` instead.
 */
@ApiExcludeController()
@Controller('mindoff-client')
export class ClientFilesController {
  @Get(':file')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  async file(@Param('file') file: string): Promise<string> {
    if (!/^[\w.-]+\.js$/.test(file)) throw new NotFoundException();
    try {
      return await readFile(join(CLIENT_ESM_DIR, file), 'utf8');
    } catch {
      throw new NotFoundException(`${file} is not built; run npm run build.`);
    }
  }
}

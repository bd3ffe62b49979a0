import { Body, Controller, HttpCode, Post, Req, type RawBodyRequest } from '@nestjs/common';

/** `POST /api/echo/raw`: the bytes as received (`rawBody: true`) next to the parsed body. */
@Controller('echo')
export class EchoController {
  @Post('raw')
  @HttpCode(200)
  raw(@Req() request: RawBodyRequest<object>, @Body() body: Record<string, unknown>) {
    return {
      raw_length: request.rawBody?.length ?? null,
      raw_text: request.rawBody?.toString('utf8') ?? null,
      body,
    };
  }

  /** `POST /api/echo/any/<anything>`: a catch-all, answering the path it saw and the body. */
  @Post('any/*')
  @HttpCode(200)
  any(@Req() request: { url: string }, @Body() body: Record<string, unknown>) {
    return { url: request.url, body };
  }
}

import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PROGRESS_PAGE } from './progress-page.html';

/** `GET /`: a page that starts a background report and shows its progress live. */
@ApiExcludeController()
@Controller()
export class HomeController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(): string {
    return PROGRESS_PAGE;
  }
}

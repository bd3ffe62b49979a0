import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { MindoffRoutes } from 'mindoff';
import { progressPage } from './progress-page.html';

/** `GET /`: a page that starts a background report and shows its progress live. */
@ApiExcludeController()
@Controller()
export class HomeController {
  constructor(private readonly routes: MindoffRoutes) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(): string {
    const prefix = this.routes.globalPrefix();
    return progressPage({
      reportUrl: this.routes.urlOf('jobs__generate_inventory_report', 1)!,
      clientUrl: `${prefix}/mindoff-client/index.js`,
      manifestPath: `${prefix}/mindoff/apis/`,
    });
  }
}

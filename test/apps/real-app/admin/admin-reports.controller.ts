import { Controller, Get } from '@nestjs/common';

/** `GET /api/admin/reports`: the `admin` segment comes from `RouterModule`. */
@Controller('reports')
export class AdminReportsController {
  @Get()
  list() {
    return [{ id: 'weekly-sales', rows: 42 }];
  }
}

import { Module } from '@nestjs/common';
import { AdminReportsController } from './admin-reports.controller';

/** Mounted at `admin` by `RouterModule.register`. */
@Module({ controllers: [AdminReportsController] })
export class AdminModule {}

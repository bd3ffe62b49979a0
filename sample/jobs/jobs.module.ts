import { Module } from '@nestjs/common';
import { GenerateInventoryReportVersions } from './generate-inventory-report.versions';

/** The `jobs` app: queue-mode APIs. */
@Module({ imports: [GenerateInventoryReportVersions] })
export class JobsModule {}

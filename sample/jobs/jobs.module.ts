import { Module } from '@nestjs/common';
import { ExportMyOrdersVersions } from './export-my-orders.versions';
import { GenerateInventoryReportVersions } from './generate-inventory-report.versions';

/** The `jobs` app: queue-mode APIs. */
@Module({ imports: [GenerateInventoryReportVersions, ExportMyOrdersVersions] })
export class JobsModule {}

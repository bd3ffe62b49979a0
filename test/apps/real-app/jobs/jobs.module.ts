import { Global, Module } from '@nestjs/common';
import { MindoffVersions } from 'mindoff';
import { ReportGate } from './report-gate';
import { ReportV1Api } from './report.v1.api';
import { SlowReportV1Api } from './slow-report.v1.api';

/** The gate the slow report waits for, injectable in the version maps' modules. */
@Global()
@Module({ providers: [ReportGate], exports: [ReportGate] })
class ReportGateModule {}

/** The `jobs` mindoff app, whose APIs run in queue mode. */
@Module({
  imports: [
    ReportGateModule,
    MindoffVersions.register({ 1: ReportV1Api }),
    MindoffVersions.register({ 1: SlowReportV1Api }),
  ],
})
export class JobsModule {}

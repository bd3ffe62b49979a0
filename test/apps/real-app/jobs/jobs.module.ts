import { Module } from '@nestjs/common';
import { MindoffVersions } from 'mindoff';
import { ReportV1Api } from './report.v1.api';

/** The `jobs` mindoff app, whose one API runs in queue mode. */
@Module({ imports: [MindoffVersions.register({ 1: ReportV1Api })] })
export class JobsModule {}

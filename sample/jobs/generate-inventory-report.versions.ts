import { MindoffVersions } from 'mindoff';
import { GenerateInventoryReportV1Api } from './generate-inventory-report.v1.api';

export const GenerateInventoryReportVersions = MindoffVersions.register({
  1: GenerateInventoryReportV1Api,
});

import { MindoffVersions } from 'mindoff';
import { ExportMyOrdersV1Api } from './export-my-orders.v1.api';

export const ExportMyOrdersVersions = MindoffVersions.register({ 1: ExportMyOrdersV1Api });

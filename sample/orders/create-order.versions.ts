import { MindoffVersions } from 'mindoff';
import { CreateOrderV1Api } from './create-order.v1.api';

export const CreateOrderVersions = MindoffVersions.register({ 1: CreateOrderV1Api });

import { MindoffVersions } from 'mindoff';
import { GetMyOrdersV1Api } from './get-my-orders.v1.api';

export const GetMyOrdersVersions = MindoffVersions.register({ 1: GetMyOrdersV1Api });

import { Module } from '@nestjs/common';
import { ChargeVersions } from './charge.versions';

/** The `payments` app: `/v<n>/payments/...`. */
@Module({ imports: [ChargeVersions] })
export class PaymentsModule {}

// mindoff serving the same create_order v1 as `mindoff` (the sample's API: strict schema
// validation, envelope, per-client rate limit ON, never reached), with a `responseSchema`: the
// summary is written by the compiled serializer instead of JSON.stringify. MINDOFF_LIMIT as in
// mindoff.ts.
import { Module } from '@nestjs/common';
import { MindoffModule, MindoffVersions, type RateString } from 'mindoff';
import { boot } from './common/boot';
import { CreateOrderSchemaV1Api } from './common/create-order-schema.api';

const request = (process.env.MINDOFF_LIMIT ?? '100000000/m') as RateString;

@Module({
  imports: [
    MindoffModule.forRoot({ defaults: { limits: { request } } }),
    MindoffVersions.register({ 1: CreateOrderSchemaV1Api }),
  ],
})
class MindoffSchemaBenchModule {}

void boot(MindoffSchemaBenchModule);

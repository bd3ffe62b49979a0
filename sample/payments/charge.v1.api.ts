import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  Int,
  IsAuthenticated,
  Literal,
  MindoffApi,
  type Infer,
  type MindoffContext,
} from 'mindoff';

const schema = { amount: Int, currency: Literal('EUR', 'USD') };

/** How long a charge takes (0 in tests that only want the answer). */
const CHARGE_MS = Number(process.env.SAMPLE_CHARGE_MS ?? 300);

/**
 * An idempotent API: every call needs an `Idempotency-Key`, and a retry with the same key gets
 * the first charge back (`Idempotent-Replayed: true`) instead of charging twice.
 */
@MindoffApi({
  urlName: 'payments__charge',
  name: 'Charge',
  description: 'Charges the signed-in customer; retry with the same Idempotency-Key safely.',
  method: 'POST',
  auth: ['bearer'],
  permissions: [IsAuthenticated],
  payloadSchema: schema,
  payloadValidation: 'strict',
  idempotency: { required: true },
})
export class ChargeV1Api {
  async run({ payload, signal }: MindoffContext<Infer<typeof schema>>) {
    await sleep(CHARGE_MS, undefined, { signal });
    return { charge_id: `ch_${randomUUID()}`, amount: payload.amount, currency: payload.currency };
  }
}

import type { Infer } from '../validation';
import type { MindoffContext, UploadedFile } from './mindoff-context.interface';
import type { UploadedFiles } from './uploaded-files.type';

/** `Infer<S>`, or `fallback` when the schema is absent. */
type InferOr<S, Fallback> = [S] extends [undefined | null] ? Fallback : Infer<NonNullable<S>>;

/** `ctx.files`: each declared file field, or any field name when the API declares no `files`. */
type FilesOr<D> = [D] extends [undefined | null]
  ? Readonly<Record<string, UploadedFile[]>>
  : UploadedFiles<NonNullable<D>>;

/**
 * The `ctx` of an API, worked out from its declaration: the payload, query and path parameters
 * as their schemas type them, and its declared file fields (`U` is the user).
 *
 * @example
 * const declaration = { urlName: 'orders__get_order', name: 'Get Order', method: 'GET',
 *   params: { order_id: Int } } satisfies MindoffApiOptions;
 * \@MindoffApi(declaration)
 * class GetOrderV1Api { async run(ctx: ApiContext<typeof declaration>) { ctx.params.order_id; } }
 */
export type ApiContext<O, U = unknown> = MindoffContext<
  InferOr<O extends { payloadSchema?: infer S } ? S : undefined, unknown>,
  U,
  InferOr<O extends { query?: infer Q } ? Q : undefined, Record<string, unknown>>,
  InferOr<O extends { params?: infer A } ? A : undefined, Record<string, string>>,
  FilesOr<O extends { files: infer F } ? F : undefined>
>;

/** The `data` an API answers with: what its `responseSchema` describes (`unknown` without one). */
export type ApiData<O> = InferOr<O extends { responseSchema?: infer R } ? R : undefined, unknown>;

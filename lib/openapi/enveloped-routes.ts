import type { INestApplication, Type } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { MINDOFF_ENVELOPE_METADATA } from '../plain-routes/envelope.constants';
import {
  answersOwnEnvelopes,
  envelopeRoute,
  type EnvelopeRoute,
} from '../plain-routes/envelope-route';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS } from '../mindoff.constants';
import type { ResponseCatalog } from '../responses/response.catalog';
import { envelopePlainOperation } from './plain-route.operation';

/** @nestjs/swagger's `DECORATORS.API_EXTENSION`: its keys are copied onto the handler's operation. */
const SWAGGER_API_EXTENSION = 'swagger/apiExtension';
/** Marks the operation of an enveloped route while swagger scans; removed afterwards. */
const ENVELOPE_MARK = 'x-mindoff-envelope';

type Handler = (...args: unknown[]) => unknown;

/**
 * Runs swagger's scan (`scan`) and rewrites the operations of the plain routes that answer in the
 * envelope (`@MindoffEnvelope()`, or every plain route with `envelope: 'all'`): their success and
 * error responses become envelopes. Swagger alone knows where it puts a route (prefixes,
 * versions, aliases), so each enveloped handler carries a mark through the scan, and is given its
 * own metadata back after it.
 */
export function documentWithPlainEnvelopes(
  app: INestApplication,
  catalog: ResponseCatalog,
  scan: () => OpenAPIObject,
): OpenAPIObject {
  const options = app.get<ResolvedMindoffOptions>(MINDOFF_RESOLVED_OPTIONS, { strict: false });
  const routes = envelopedRoutes(app, options.envelope === 'all');
  const restore = routes.map(({ handler }, index) => mark(handler, index));
  let document: OpenAPIObject;
  try {
    document = scan();
  } finally {
    restore.forEach((undo) => undo());
  }
  for (const item of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, unknown>)) {
      const marked = (operation as Record<string, unknown> | null)?.[ENVELOPE_MARK];
      if (typeof marked !== 'number') continue;
      delete (operation as Record<string, unknown>)[ENVELOPE_MARK];
      const { route } = routes[marked]!;
      envelopePlainOperation(operation as Record<string, unknown>, route, method, catalog);
    }
  }
  return document;
}

/** Every route handler of the app's controllers that answers in the envelope, once each. */
function envelopedRoutes(
  app: INestApplication,
  all: boolean,
): { handler: Handler; route: EnvelopeRoute }[] {
  const found = new Map<Handler, EnvelopeRoute>();
  const scanner = new MetadataScanner();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const cls = wrapper.metatype as Type<unknown> | null;
      if (!cls || answersOwnEnvelopes(cls)) continue;
      for (const name of scanner.getAllMethodNames(cls.prototype)) {
        const handler = (cls.prototype as Record<string, Handler>)[name]!;
        if (found.has(handler) || !Reflect.hasMetadata(PATH_METADATA, handler)) continue;
        const decorated = (Reflect.getMetadata(MINDOFF_ENVELOPE_METADATA, handler) ??
          Reflect.getMetadata(MINDOFF_ENVELOPE_METADATA, cls)) as boolean | undefined;
        const route = envelopeRoute(cls, handler, name);
        if ((all || decorated) && !route.untouched) found.set(handler, route);
      }
    }
  }
  return [...found].map(([handler, route]) => ({ handler, route }));
}

/** Adds the mark to `handler`'s swagger extensions; returns what puts them back as they were. */
function mark(handler: Handler, index: number): () => void {
  const own = Reflect.getOwnMetadata(SWAGGER_API_EXTENSION, handler) as object | undefined;
  Reflect.defineMetadata(SWAGGER_API_EXTENSION, { ...own, [ENVELOPE_MARK]: index }, handler);
  return () =>
    own === undefined
      ? Reflect.deleteMetadata(SWAGGER_API_EXTENSION, handler)
      : Reflect.defineMetadata(SWAGGER_API_EXTENSION, own, handler);
}

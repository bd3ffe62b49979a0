export {
  compileResponseSerializer,
  ResponseDataError,
  type DataSerializer,
} from './response.serializer';
export { compileShorthandSerializer, type ShorthandSerializer } from './shorthand.serializer';

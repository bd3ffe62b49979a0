export { MindoffOpenApi } from './mindoff-openapi';
export { MindoffResponseCodes } from './mindoff-response-codes.decorator';

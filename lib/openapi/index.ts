export { MindoffOpenApi } from './mindoff-openapi';

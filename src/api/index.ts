export { buildApi, API_ROUTES, type ApiOptions } from './server.js';
export { openApiDocument } from './openapi.js';

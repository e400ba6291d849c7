// GET /openapi.json: the API description, public so tools can read it before a token exists.
import { jsonResponse } from '../http';
import { openApiDocument } from '../openapi-document';
import type { PublicRoute } from '../route';

export const openApiRoute: PublicRoute = {
  pattern: '/openapi.json',
  methods: ['GET'],
  public: true,
  async handle({ services }) {
    return jsonResponse(200, openApiDocument(await services.appContext.restBaseUrl()));
  },
};

// The one error type of the API. Routes throw it; `handleError` turns it (and anything unexpected)
// into `{"error": {"code", "message"}}` with the status. Codes are a small fixed catalogue.

export type ApiErrorCode = 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'payload_too_large' | 'internal';

const STATUS: Record<ApiErrorCode, 400 | 401 | 403 | 404 | 413 | 500> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  payload_too_large: 413,
  internal: 500,
};

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(readonly code: ApiErrorCode, message: string) {
    super(message);
  }
  get status(): 400 | 401 | 403 | 404 | 413 | 500 {
    return STATUS[this.code];
  }
}

// Errors a route throws on purpose: the error handler turns them into their status, verbatim.
export class HttpError extends Error {
  constructor(readonly statusCode: number, message: string, readonly field?: string) { super(message); }
}

export const notFound = (what: string) => new HttpError(404, `${what} not found`);
export const badRequest = (message: string, field?: string) => new HttpError(400, field ? `${field}: ${message}` : message, field);
export const forbidden = (message = 'not allowed for this user') => new HttpError(403, message);
export const conflict = (message: string) => new HttpError(409, message);
export const unavailable = (message: string) => new HttpError(503, message);

/**
 * What the domain needs from HTTP (the accounting APIs): one request, one answer, synchronously — Apps Script's URL
 * fetch service is synchronous, and so is everything that runs on it.
 *
 * Every status is an answer, 4xx and 5xx included: deciding what a 429 or a 503 means (wait, look the record up, give up)
 * belongs to the caller. Only a request that got no answer at all is an error (`HttpNoAnswerError`), because then its
 * outcome is unknown — the record may or may not exist on the other side.
 */
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type HttpBody =
  | { json: unknown }
  | { text: string; contentType: string }
  | { bytes: number[]; contentType: string };

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers?: Record<string, string>;
  body?: HttpBody;
}

export interface HttpResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  text: string;
}

export interface HttpClient {
  send(request: HttpRequest): HttpResponse;
}

export class HttpNoAnswerError extends Error {
  constructor(
    readonly request: { method: HttpMethod; url: string },
    reason: string,
  ) {
    super(`No answer to ${request.method.toUpperCase()} ${withoutQuery(request.url)}: ${reason}`);
    this.name = 'HttpNoAnswerError';
  }
}

/** A URL as it may appear in a message: no query (which can carry tokens), no user info. */
export function withoutQuery(url: string): string {
  return url.replace(/[?#].*$/, '').replace(/\/\/[^/@]*@/, '//');
}

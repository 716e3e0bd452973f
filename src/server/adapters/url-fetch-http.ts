/**
 * The HTTP port over Apps Script's UrlFetchApp.
 *
 * - `muteHttpExceptions`: a 4xx/5xx comes back as data instead of an exception whose text would echo the server's answer.
 * - No redirects: UrlFetchApp would send our Authorization header on to wherever a redirect points.
 * - Error messages name method and URL without query, never headers: API keys travel in headers and must not reach a
 *   message, a log or a cell.
 */
import { HttpNoAnswerError, type HttpClient, type HttpRequest, type HttpResponse } from '../../core/ports/http';
import type { UrlFetchAppApi } from '../platform/apps-script-api';

function lowerCaseKeys(headers: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = String(value);
  return out;
}

function payload(request: HttpRequest): { contentType?: string; payload?: string | number[] } {
  const body = request.body;
  if (body === undefined) return {};
  if ('json' in body) return { contentType: 'application/json', payload: JSON.stringify(body.json) };
  if ('text' in body) return { contentType: body.contentType, payload: body.text };
  return { contentType: body.contentType, payload: body.bytes };
}

export function urlFetchHttpClient(urlFetch: UrlFetchAppApi): HttpClient {
  return {
    send(request: HttpRequest): HttpResponse {
      let response;
      try {
        response = urlFetch.fetch(request.url, {
          method: request.method,
          headers: request.headers ?? {},
          muteHttpExceptions: true,
          followRedirects: false,
          ...payload(request),
        });
      } catch (error) {
        // UrlFetchApp's own texts: "Timeout: …", "Address unavailable: …", "DNS error: …".
        const reason = (error instanceof Error ? error.message : String(error)).replace(/:\s*\S+:\/\/\S*/g, '');
        throw new HttpNoAnswerError({ method: request.method, url: request.url }, reason);
      }
      return {
        status: response.getResponseCode(),
        headers: lowerCaseKeys(response.getHeaders()),
        text: response.getContentText(),
      };
    },
  };
}

/**
 * Connections to the accounting systems reached by API. The key or token lives in the user's own properties (never in
 * the document, a cell, a log or a message) and is shown again only as its last four characters; next to it the account
 * name the system gave when the key was tested, and the server address when it is not the provider's own (the local test
 * servers).
 */
import * as z from '../../../core/schema';
import type { RequestOf, ResponseOf } from '../../../shared/contract';
import type { ConnectionDto } from '../../../shared/contract';
import { JsonProperty, SecretStore } from '../../adapters/property-store';
import type { AppsScriptServices } from '../../platform/apps-script-api';
import type { ApiTarget } from '../../../core/export/remote';
import { testConnection, DEFAULT_BASE_URL } from './targets';

const connectionSchema = z.object({ accountName: z.string().check(z.maxLength(300)), baseUrl: z.string().check(z.maxLength(300)) });

type Stored = z.output<typeof connectionSchema>;

const stored = (services: AppsScriptServices, target: ApiTarget) =>
  new JsonProperty<Stored>(services.PropertiesService.getUserProperties(), `connection.${target}`, connectionSchema);

const secrets = (services: AppsScriptServices) => new SecretStore(services.PropertiesService.getUserProperties());

export interface Connection {
  baseUrl: string;
  secret: string;
}

/** The key and address to send with, or null when this user has not connected the target. */
export function connectionOf(services: AppsScriptServices, target: ApiTarget): Connection | null {
  const secret = secrets(services).reveal(target);
  if (secret === null) return null;
  const info = stored(services, target).read();
  return { secret, baseUrl: info?.baseUrl || DEFAULT_BASE_URL[target] };
}

export function connectionDto(services: AppsScriptServices, target: ApiTarget): ConnectionDto {
  const hint = secrets(services).hint(target);
  const info = hint === null ? null : stored(services, target).read();
  return {
    target,
    connected: hint !== null,
    keyHint: hint ?? '',
    accountName: info?.accountName ?? '',
    baseUrl: info !== null && info.baseUrl !== DEFAULT_BASE_URL[target] ? info.baseUrl : '',
  };
}

/**
 * Only https, or plain http to this machine (the local test servers; Apps Script's URL whitelist admits only the
 * providers' own addresses anyway). No user info, query or fragment: nothing that could carry or leak the key.
 */
export function checkBaseUrl(text: string): string | null {
  if (!/^(https:\/\/[a-z0-9.-]+(:\d+)?|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?)(\/[\w./-]*)?$/i.test(text)) {
    return 'The server address must be an https address (or http://127.0.0.1 for a local test server), without user, query or fragment.';
  }
  return null;
}

export function connectTarget(services: AppsScriptServices, request: RequestOf<'connectTarget'>): ResponseOf<'connectTarget'> {
  const target = request.target;
  const baseUrl = (request.baseUrl ?? '').trim().replace(/\/+$/, '') || DEFAULT_BASE_URL[target];
  const refused = checkBaseUrl(baseUrl);
  if (refused !== null) return { status: 'refused', message: refused };
  const secret = request.secret.trim();
  const tested = testConnection(services, target, { baseUrl, secret });
  if (!tested.ok) return { status: 'refused', message: tested.message };
  secrets(services).save(target, secret);
  stored(services, target).write({ accountName: tested.accountName, baseUrl });
  const connection = connectionDto(services, target);
  return { status: 'connected', connection, message: `Connected to ${tested.accountName} (key ${connection.keyHint}).` };
}

export function disconnectTarget(services: AppsScriptServices, request: RequestOf<'disconnectTarget'>): ResponseOf<'disconnectTarget'> {
  secrets(services).forget(request.target);
  stored(services, request.target).remove();
  return { connection: connectionDto(services, request.target) };
}

/**
 * The server end of the sidebar contract: every `google.script.run` call lands here by name.
 *
 * Requests come from a browser and are parsed with the contract's zod schema before any handler sees them; responses are
 * parsed too, so that a server bug is reported as one clear error rather than a sidebar that draws garbage.
 */
import { describeIssues, type output } from '../core/schema';
import { contract, type MethodName, type ResponseOf } from '../shared/contract';

export type Handlers = {
  [K in MethodName]: (request: output<(typeof contract)[K]['request']>) => ResponseOf<K>;
};

export function dispatch(handlers: Handlers, name: string, request: unknown): unknown {
  if (!Object.prototype.hasOwnProperty.call(contract, name)) throw new Error(`Unknown server function "${name}".`);
  const method = name as MethodName;
  const parsed = contract[method].request.safeParse(request ?? {});
  if (!parsed.success) throw new Error(`Invalid request to ${method}: ${describeIssues(parsed.error.issues)}`);
  const handler = handlers[method] as (request: unknown) => unknown;
  const response = contract[method].response.safeParse(handler(parsed.data));
  if (!response.success) throw new Error(`Kontomatch produced an invalid answer for ${method}: ${describeIssues(response.error.issues)}`);
  return response.data;
}

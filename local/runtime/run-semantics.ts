/**
 * google.script.run's rules for what crosses between sidebar and server: primitives, plain objects and arrays only. A Date
 * or a function anywhere makes the call fail; `undefined` in an array becomes `null`. Applying these in `call()` means a
 * server function that returns a Date fails in tests, not in the user's sidebar.
 */
import { isDate, isPlainObject } from './realm';

/** Throws if `value` holds something google.script.run cannot carry. `where` names the place for the message. */
export function assertTransferable(value: unknown, where: string): void {
  if (value === null || value === undefined) return;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return;
  if (type === 'function') throw new Error(`google.script.run cannot pass a function (${where}); the call fails in Apps Script.`);
  if (type === 'bigint' || type === 'symbol') throw new Error(`google.script.run cannot pass a ${type} (${where}); the call fails in Apps Script.`);
  if (isDate(value)) {
    throw new Error(`google.script.run cannot pass a Date (${where}); the call fails in Apps Script. Send an ISO string instead.`);
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertTransferable(item, `${where}[${i}]`));
    return;
  }
  if (isPlainObject(value)) {
    for (const key of Object.keys(value)) assertTransferable(value[key], `${where}.${key}`);
    return;
  }
  // Apps Script objects (a Sheet, a Range…) cannot cross either; our fakes carry their Apps Script class name.
  const className = (value as { className?: unknown }).className;
  const name = typeof className === 'string' ? `${className} object` : ((value as object).constructor?.name || 'object');
  throw new Error(`google.script.run cannot pass a ${name} (${where}); only primitives, plain objects and arrays cross.`);
}

/** A deep copy as the wire makes it (JSON: `undefined` in arrays → null, undefined properties dropped). */
export function wireCopy(value: unknown, parse: (text: string) => unknown = JSON.parse): unknown {
  if (value === undefined) return undefined;
  return parse(JSON.stringify(value));
}

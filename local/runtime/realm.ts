/**
 * Moving values between Node's realm and the bundle's vm context.
 *
 * A vm context has its own `Array`, `Date`, `Object`, `Error`. In Apps Script, what a service returns is of the script's own
 * realm (`getValues()[0] instanceof Array`, `cell instanceof Date`), so every value a fake hands over is rebuilt with the
 * context's constructors; and what the bundle hands us is read with realm-neutral checks (`Array.isArray`, the
 * `[object Date]` tag), never `instanceof`.
 */
import vm from 'node:vm';

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null; // Object.prototype of *any* realm
}

export class Realm {
  readonly Array: ArrayConstructor;
  readonly Date: DateConstructor;
  readonly Object: ObjectConstructor;
  readonly Error: ErrorConstructor;
  readonly JSON: JSON;

  constructor(readonly context: vm.Context) {
    // Read after the context exists: these are the constructors the bundle's own code sees.
    this.Array = vm.runInContext('Array', context);
    this.Date = vm.runInContext('Date', context);
    this.Object = vm.runInContext('Object', context);
    this.Error = vm.runInContext('Error', context);
    this.JSON = vm.runInContext('JSON', context);
  }

  /** An Error of the context realm, so `e instanceof Error` holds inside the bundle, as for Apps Script's exceptions. */
  error(message: string): Error {
    return new this.Error(message);
  }

  /**
   * Deep copy of Node-realm data into the context realm. `mapOther` handles what is neither array, Date nor plain object
   * (the boundary uses it to wrap fakes in counting proxies).
   */
  toContext(value: unknown, mapOther: (v: object) => unknown = (v) => v): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      const out = new this.Array(value.length);
      for (let i = 0; i < value.length; i++) out[i] = this.toContext(value[i], mapOther);
      return out;
    }
    if (isDate(value)) return new this.Date(value.getTime());
    if (isPlainObject(value)) {
      const out = new this.Object() as Record<string, unknown>;
      for (const key of Object.keys(value)) out[key] = this.toContext(value[key], mapOther);
      return out;
    }
    return mapOther(value);
  }
}

/** Deep copy of context-realm data into Node's realm (arrays, Dates, plain objects); `mapOther` handles the rest. */
export function toNode(value: unknown, mapOther: (v: object) => unknown = (v) => v): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => toNode(v, mapOther));
  if (isDate(value)) return new Date((value as Date).getTime());
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = toNode(value[key], mapOther);
    return out;
  }
  return mapOther(value);
}

/**
 * The line between the bundle and the fakes. Every fake object the bundle receives is a Proxy made here, which
 *  - counts each method call as `Class.method` (CallCounters),
 *  - copies arguments into Node's realm and results into the context realm (see realm.ts),
 *  - hands out further fakes (a Sheet from getSheetByName, `this` from chaining) wrapped the same way,
 *  - rethrows a fake's exception as an Error of the context realm, as Apps Script's exceptions are,
 *  - tells the fakes which user is acting (protections depend on it),
 *  - asks the execution guard first (execution.ts): a virtual clock advances, a killed execution's calls all fail.
 * The fakes themselves stay plain Node classes, shared by every runtime that shares a workbook.
 */
import type { CallCounters } from './counters';
import { Fake, setActingUser } from './fake';
import { toNode, type Realm } from './realm';

/** Data properties that are part of Apps Script's API (enums). */
const PUBLIC_FIELDS = new Set(['ProtectionType', 'DataValidationCriteria']);

/** Methods the fakes use among themselves or offer to tests, which Apps Script objects do not have. */
const INTERNAL_METHODS = new Set([
  'cellAt', 'cellForWrite', 'assertEditable', 'addProtection', 'intersects', 'blocks', 'releaseAll', 'renameSheet', 'rename',
  'values', 'formulas', 'numberFormats', 'displayValues', 'sheet', 'toJSON', 'size', 'add', 'delete',
  'storedCopy', 'sourceRange', 'allowedTexts', 'checkValidation', 'validationSources', 'backgrounds',
]);

export class Boundary {
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();

  constructor(
    private readonly realm: Realm,
    private readonly counters: CallCounters,
    private readonly user: string,
    /** Runs before every counted call with its key (`Range.setValues`); throwing stops the call. */
    private readonly beforeCall: (key: string) => void = () => {},
  ) {}

  /** The counting proxy for a fake (always the same proxy for the same fake, so `===` works in the bundle). */
  expose<T extends object>(fake: T): T {
    const known = this.proxies.get(fake);
    if (known) return known as T;
    const className = (fake as unknown as Fake).className;
    const proxy = new Proxy(fake, {
      get: (target, prop, receiver) => {
        const value = Reflect.get(target, prop, receiver === proxy ? target : receiver);
        if (typeof prop === 'symbol' || prop === 'className') return value;
        // The bundle sees Apps Script's surface only: no fields, no helpers the fakes use among themselves.
        if (typeof value !== 'function') return PUBLIC_FIELDS.has(prop) ? this.toContext(value) : undefined;
        // Methods live on the class; a function in an own field is a fake's wiring (a clock, a callback), not API.
        if (INTERNAL_METHODS.has(prop) || prop === 'constructor' || Object.prototype.hasOwnProperty.call(target, prop)) return undefined;
        return (...args: unknown[]) => {
          const key = `${className}.${prop}`;
          this.counters.increment(key);
          try {
            this.beforeCall(key);
          } catch (error) {
            throw this.realm.error(error instanceof Error ? error.message : String(error));
          }
          setActingUser(this.user);
          const nodeArgs = args.map((a) => this.toNodeValue(a));
          let result: unknown;
          try {
            result = (value as (...a: unknown[]) => unknown).apply(target, nodeArgs);
          } catch (error) {
            throw this.realm.error(error instanceof Error ? error.message : String(error));
          }
          return this.toContext(result);
        };
      },
      set: () => false, // Apps Script objects are not writable from script
    });
    this.proxies.set(fake, proxy);
    this.targets.set(proxy, fake);
    return proxy;
  }

  /** Node value → context value; fakes become their proxies. */
  toContext(value: unknown): unknown {
    if (value instanceof Fake) return this.expose(value);
    return this.realm.toContext(value, (v) => (v instanceof Fake ? this.expose(v) : v));
  }

  /** Context value → Node value; proxies become the fakes they wrap (e.g. `showSidebar(htmlOutput)`). */
  toNodeValue(value: unknown): unknown {
    if (value !== null && typeof value === 'object' && this.targets.has(value)) return this.targets.get(value);
    return toNode(value, (v) => this.targets.get(v) ?? v);
  }
}

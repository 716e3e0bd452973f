/**
 * `google.script.run` for the playground's sidebar: injected into the sidebar HTML before anything else in `<head>`.
 *
 * Behaves like Apps Script's client: `withSuccessHandler` / `withFailureHandler` / `withUserObject` each return a new
 * runner (so runners can be kept and reused), a server function's name calls it, the call returns nothing and completes
 * asynchronously, the success handler gets `(value, userObject)`, the failure handler an `Error` and the user object.
 * Arguments that Apps Script refuses (Dates, functions, DOM nodes, …) fail at once, as there.
 * Each call is a POST of `{ args }` to `/rpc/<name>`, answered `{ ok: true, value }` or `{ ok: false, message }`.
 * After each call the parent page is told (postMessage), so it can redraw the workbook.
 */
(() => {
  type Success = ((value: unknown, userObject?: unknown) => void) | null;
  type Failure = ((error: Error, userObject?: unknown) => void) | null;

  const script = document.currentScript as HTMLScriptElement | null;
  const functions = JSON.parse(script?.dataset.functions ?? '[]') as string[];
  const token = script?.dataset.token ?? '';

  function illegal(path: string): Error {
    return new Error(`Failed due to illegal value in property: ${path}`);
  }

  /** What google.script.run can carry: primitives, arrays, plain objects (and a form element, which we do not use). */
  function check(value: unknown, path: string, depth: number): void {
    if (depth > 100) throw illegal(path);
    if (value === null || value === undefined) return;
    const type = typeof value;
    if (type === 'string' || type === 'boolean') return;
    if (type === 'number') return;
    if (type !== 'object') throw illegal(path);
    if (Array.isArray(value)) {
      value.forEach((item, i) => check(item, `${path}.${i}`, depth + 1));
      return;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) throw illegal(path);
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) check(item, `${path}.${key}`, depth + 1);
  }

  function notifyParent(name: string, ok: boolean): void {
    try {
      window.parent.postMessage({ source: 'kontomatch-bridge', type: 'rpc', name, ok }, '*');
    } catch {
      // no parent page: nothing to refresh
    }
  }

  function invoke(name: string, args: unknown[], success: Success, failure: Failure, userObject: unknown): void {
    args.forEach((arg, i) => check(arg, String(i), 0));
    const fail = (message: string): void => {
      const error = new Error(message);
      if (failure) failure(error, userObject);
      else console.error(`Uncaught (in google.script.run ${name}):`, error);
    };
    fetch(`/rpc/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kontomatch-token': token },
      body: JSON.stringify({ args }),
    })
      .then((response) => response.json() as Promise<{ ok: boolean; value?: unknown; message?: string }>)
      .then(
        (answer) => {
          notifyParent(name, answer.ok);
          if (answer.ok) success?.(answer.value, userObject);
          else fail(answer.message ?? 'Unknown error');
        },
        (error: unknown) => {
          notifyParent(name, false);
          fail(`NetworkError: Connection failure due to HTTP 0 (${String(error)})`);
        },
      );
  }

  function runner(success: Success, failure: Failure, userObject: unknown): Record<string, unknown> {
    const run: Record<string, unknown> = {
      withSuccessHandler: (handler: Success) => runner(handler, failure, userObject),
      withFailureHandler: (handler: Failure) => runner(success, handler, userObject),
      withUserObject: (object: unknown) => runner(success, failure, object),
    };
    for (const name of functions) {
      run[name] = (...args: unknown[]): void => invoke(name, args, success, failure, userObject);
    }
    return run;
  }

  const w = window as unknown as { google?: Record<string, unknown> };
  w.google = w.google ?? {};
  w.google.script = {
    run: runner(null, null, undefined),
    host: {
      origin: window.location.origin,
      close: () => window.parent.postMessage({ source: 'kontomatch-bridge', type: 'close' }, '*'),
      setHeight: () => undefined,
      setWidth: () => undefined,
      editor: { focus: () => window.parent.postMessage({ source: 'kontomatch-bridge', type: 'focus' }, '*') },
    },
  };
})();

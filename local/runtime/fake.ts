/**
 * Base of every fake Apps Script object. The class name is what call counters use (`Range.getValues`) and what the boundary
 * (`boundary.ts`) recognises when it must hand a fake to the bundle wrapped in a counting proxy.
 */
export abstract class Fake {
  /** Apps Script's class name, e.g. `Range`, `HTTPResponse`. */
  abstract readonly className: string;
}

/** The user on whose behalf the current call into a fake runs (set by the boundary; used by protections). */
let actingUser = '';
export function setActingUser(email: string): void {
  actingUser = email;
}
export function currentActingUser(): string {
  return actingUser;
}

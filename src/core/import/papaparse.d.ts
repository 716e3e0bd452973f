/**
 * The part of papaparse the core uses, typed here on purpose: `@types/papaparse` pulls in Node's types, which would let
 * Node-only globals compile inside the platform-free core.
 *
 * The core imports papaparse's minified browser build by its file path: the main build carries Node stream support, whose
 * import of Node's stream module breaks a platform-neutral bundle (Apps Script).
 */
declare module 'papaparse/papaparse.min.js' {
  export interface PapaError {
    type: string;
    code: string;
    message: string;
    row?: number;
    index?: number;
  }
  export interface PapaStep {
    data: string[];
    errors: PapaError[];
    meta: { cursor: number };
  }
  export interface PapaConfig {
    delimiter: string;
    newline: string;
    quoteChar: string;
    escapeChar: string;
    header: false;
    dynamicTyping: false;
    skipEmptyLines: false;
    step(result: PapaStep): void;
  }
  const Papa: { parse(input: string, config: PapaConfig): void };
  export default Papa;
}

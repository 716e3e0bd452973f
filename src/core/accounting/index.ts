/** Pre-accounting (Vorkontierung): fields, tax, rules, learning, pre-filling and what each export target requires. */
export * from './fields';
export * from './pattern';
export * from './tax';
export * from './rules';
export * from './learning';
export * from './prefill';
export * from './requirements';

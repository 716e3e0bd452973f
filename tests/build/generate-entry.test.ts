import { describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { generateEntry } from '../../build/generate-entry';

const registry = {
  triggers: ['onOpen'],
  menuHandlers: ['showSidebar'],
  sidebarEndpoints: ['listProfiles'],
  customFunctions: [
    {
      name: 'KM_DEMO',
      summary: 'Demo summary.',
      params: [
        { name: 'values', doc: 'A value or a range.' },
        { name: 'threshold', doc: 'Optional cut-off.', optional: true },
      ],
      returns: 'Something.',
    },
  ],
};

describe('generateEntry', () => {
  it('writes custom functions as top-level declarations with named parameters and @customfunction JSDoc', () => {
    const text = generateEntry(registry);
    expect(text).toMatch(/\/\*\*\n \* Demo summary\.\n \*\n \* @param \{\*\} values A value or a range\.\n \* @param \{\*\} \[threshold\] Optional cut-off\.\n \* @return Something\.\n \* @customfunction\n \*\/\nfunction KM_DEMO\(values, threshold\) \{/);
  });

  it('forwards every kind of entry to the bundle global, resolved only at call time', () => {
    const calls: unknown[][] = [];
    const context = vm.createContext({});
    vm.runInContext(generateEntry(registry), context);
    // The bundle is defined after the generated functions: order of loading must not matter.
    context.Kontomatch = {
      onOpen: (e: unknown) => calls.push(['onOpen', e]),
      menu: { showSidebar: () => calls.push(['showSidebar']) },
      rpc: (name: string, req: unknown) => (calls.push(['rpc', name, req]), 'answer'),
      customFunctions: { KM_DEMO: (v: unknown, t: unknown) => [v, t] },
    };
    vm.runInContext('onOpen({authMode: "NONE"}); showSidebar();', context);
    expect(vm.runInContext('listProfiles({})', context)).toBe('answer');
    expect(vm.runInContext('KM_DEMO(1, 0.9)', context)).toEqual([1, 0.9]);
    expect(calls).toEqual([['onOpen', { authMode: 'NONE' }], ['showSidebar'], ['rpc', 'listProfiles', {}]]);
    expect(vm.runInContext('KM_DEMO.length', context)).toBe(2);
  });

  it('refuses names Apps Script would hide or that clash', () => {
    expect(() => generateEntry({ ...registry, sidebarEndpoints: ['secret_'] })).toThrow(/ends in "_"/);
    expect(() => generateEntry({ ...registry, sidebarEndpoints: ['onOpen'] })).toThrow(/registered twice/);
    expect(() => generateEntry({ ...registry, triggers: ['on-open'] })).toThrow(/not a valid/);
  });

  it('keeps JSDoc text from closing the comment early', () => {
    const text = generateEntry({
      ...registry,
      customFunctions: [{ name: 'KM_X', summary: 'Evil */ function pwned(){}', params: [], returns: 'x' }],
    });
    const context = vm.createContext({});
    vm.runInContext(text, context);
    expect(vm.runInContext('typeof pwned', context)).toBe('undefined');
  });
});

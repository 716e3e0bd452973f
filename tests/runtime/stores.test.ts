/** PropertiesService, LockService and CacheService: scopes, sharing between sessions of one workbook, limits. */
import { describe, expect, it } from 'vitest';
import { createRuntime, createWorkbook } from '../../local/runtime';
import { bundleDir, EVAL_BUNDLE } from './bundle';

const dir = bundleDir(`${EVAL_BUNDLE}
  function lockAndKeep() { return LockService.getDocumentLock().tryLock(1000); }
  function lockAndHold(ms) { var l = LockService.getDocumentLock(); l.waitLock(ms); return l.hasLock(); }`);

function twoUsers(options: { now?: () => number } = {}) {
  const workbook = createWorkbook();
  const anna = createRuntime({ bundleDir: dir, workbook, ...options });
  const bob = createRuntime({ bundleDir: dir, workbook, user: 'bob@kanzlei-berger.example', ...options });
  return { workbook, anna, bob };
}

describe('PropertiesService', () => {
  it('keeps user properties per user, document properties per workbook, script properties for everyone', () => {
    const { anna, bob } = twoUsers();
    anna.call('run', `PropertiesService.getUserProperties().setProperty('apiKey', 'sk-anna');
      PropertiesService.getDocumentProperties().setProperty('profile', 'sparkasse');
      PropertiesService.getScriptProperties().setProperty('version', '3'); 1`);
    expect(bob.call('run', `[PropertiesService.getUserProperties().getProperty('apiKey'),
      PropertiesService.getDocumentProperties().getProperty('profile'), PropertiesService.getScriptProperties().getProperty('version')]`)).toEqual([null, 'sparkasse', '3']);
    expect(anna.userProperties.getProperty('apiKey')).toBe('sk-anna');
    expect(bob.documentProperties.getProperty('profile')).toBe('sparkasse');
    const unrelated = createRuntime({ bundleDir: dir });
    expect(unrelated.documentProperties.getProperty('profile')).toBeNull();
  });

  it('hands out copies from getProperties, stores strings, supports setProperties(…, deleteAllOthers)', () => {
    const { anna } = twoUsers();
    const result = anna.call('run', `var p = PropertiesService.getUserProperties();
      p.setProperties({ a: '1', b: 2 });
      var copy = p.getProperties(); copy.a = 'changed';
      var kept = p.getProperty('a'); var typeB = typeof p.getProperty('b');
      p.setProperties({ c: '3' }, true); p.deleteProperty('zzz');
      [kept, typeB, p.getProperties()]`);
    expect(result).toEqual(['1', 'string', { c: '3' }]);
  });

  it('enforces the 9 KB value and 500 KB store limits, storing nothing on failure', () => {
    const { anna } = twoUsers();
    expect(() => anna.call('run', `PropertiesService.getUserProperties().setProperty('big', new Array(9 * 1024 + 2).join('x'))`)).toThrow('Argument too large: value');
    expect(anna.userProperties.getProperty('big')).toBeNull();
    expect(anna.call('run', `PropertiesService.getUserProperties().setProperty('ok', new Array(9 * 1024 + 1).join('x')); 1`)).toBe(1);
    expect(() =>
      anna.call('run', `var p = PropertiesService.getDocumentProperties(); for (var i = 0; i < 60; i++) p.setProperty('k' + i, new Array(9000).join('x')); 1`),
    ).toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
  });
});

describe('LockService', () => {
  it('lets one session hold the document lock; the other cannot get it (tryLock false, waitLock throws)', () => {
    const { anna, bob } = twoUsers();
    const annasLock = anna.services.LockService.getDocumentLock()!;
    expect(annasLock.tryLock(100)).toBe(true); // held outside any call(), so it stays held
    expect(annasLock.hasLock()).toBe(true);
    expect(bob.call('run', `LockService.getDocumentLock().tryLock(10000)`)).toBe(false);
    const started = Date.now();
    expect(() => bob.call('lockAndHold', 30000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(Date.now() - started).toBeLessThan(1000); // single thread: waiting could not help, so it fails at once
    expect(bob.call('run', `LockService.getUserLock().tryLock(10)`)).toBe(true); // user locks are per user
    annasLock.releaseLock();
    expect(annasLock.hasLock()).toBe(false);
    expect(bob.call('lockAndHold', 100)).toBe(true);
  });

  it('releases the locks a call still holds when the call ends, as at the end of an execution', () => {
    const { anna, bob } = twoUsers();
    expect(anna.call('lockAndKeep')).toBe(true);
    expect(bob.call('lockAndKeep')).toBe(true);
    expect(anna.call('run', `var l = LockService.getDocumentLock(); [l.hasLock(), l.tryLock(0), l.hasLock()]`)).toEqual([false, true, true]);
  });
});

describe('CacheService', () => {
  it('shares the document cache per workbook, keeps user caches apart, and expires by the injected clock', () => {
    let now = 1_700_000_000_000;
    const { anna, bob } = twoUsers({ now: () => now });
    anna.call('run', `CacheService.getDocumentCache().put('preview', 'p1', 60); CacheService.getUserCache().put('draft', 'd1'); 1`);
    expect(bob.call('run', `[CacheService.getDocumentCache().get('preview'), CacheService.getUserCache().get('draft')]`)).toEqual(['p1', null]);
    now += 59_000;
    expect(bob.call('run', `CacheService.getDocumentCache().get('preview')`)).toBe('p1');
    now += 2_000;
    expect(bob.call('run', `CacheService.getDocumentCache().get('preview')`)).toBeNull();
    expect(anna.call('run', `CacheService.getUserCache().get('draft')`)).toBe('d1'); // default TTL 600 s
    now += 600_000;
    expect(anna.call('run', `CacheService.getUserCache().get('draft')`)).toBeNull();
    anna.call('run', `var c = CacheService.getUserCache(); c.put('k', 'v', 999999); c.remove('x'); 1`);
    now += 21_599_000;
    expect(anna.call('run', `CacheService.getUserCache().get('k')`)).toBe('v');
    now += 2_000;
    expect(anna.call('run', `CacheService.getUserCache().get('k')`)).toBeNull(); // TTL capped at 21600 s
  });

  it('enforces key and value limits', () => {
    const { anna } = twoUsers();
    expect(() => anna.call('run', `CacheService.getUserCache().put(new Array(252).join('k'), 'v')`)).toThrow('Argument too large: key');
    expect(() => anna.call('run', `CacheService.getUserCache().put('k', new Array(100 * 1024 + 2).join('v'))`)).toThrow('Argument too large: value');
    expect(anna.call('run', `var c = CacheService.getUserCache(); c.put('k', 'v'); c.remove('k'); c.get('k')`)).toBeNull();
  });
});

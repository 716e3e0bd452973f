/**
 * Range protections. They matter to scripts because a script runs as the user: a write into a range protected against
 * that user fails, exactly like typing into it would; a warning-only protection does not stop a script.
 */
import { Fake, currentActingUser } from '../fake';
import { FakeUser } from '../session';
import type { ProtectionApi } from '../../../src/server/platform/apps-script-api';
import type { FakeRange } from './range';

export class FakeProtection extends Fake implements ProtectionApi {
  readonly className = 'Protection';
  private description = '';
  private warningOnly = false;
  readonly editors: string[];
  removed = false;

  constructor(
    readonly range: FakeRange,
    readonly type: 'RANGE' | 'SHEET',
    private readonly onRemove: (p: FakeProtection) => void,
  ) {
    super();
    // Sheets makes the creator (and the owner) an editor of a new protection.
    this.editors = [currentActingUser()];
  }

  setDescription(description: string): FakeProtection {
    this.description = String(description);
    return this;
  }
  getDescription(): string {
    return this.description;
  }
  setWarningOnly(warningOnly: boolean): FakeProtection {
    this.warningOnly = Boolean(warningOnly);
    return this;
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  canEdit(): boolean {
    return this.blocks(currentActingUser()) === false;
  }
  remove(): void {
    this.removed = true;
    this.onRemove(this);
  }
  getRange(): FakeRange {
    return this.range;
  }
  /** By email or by User, as Apps Script takes either. */
  addEditor(user: string | { getEmail(): string }): FakeProtection {
    const email = typeof user === 'string' ? user : user.getEmail();
    if (!this.editors.includes(email)) this.editors.push(email);
    return this;
  }
  /** Apps Script keeps the spreadsheet's owner (and, as it does, the user running the script) an editor. */
  removeEditors(users: Array<string | { getEmail(): string }>): FakeProtection {
    const gone = new Set(users.map((u) => (typeof u === 'string' ? u : u.getEmail())));
    const keep = new Set([currentActingUser()]);
    for (let i = this.editors.length - 1; i >= 0; i--) {
      if (gone.has(this.editors[i]!) && !keep.has(this.editors[i]!)) this.editors.splice(i, 1);
    }
    return this;
  }
  getEditors(): FakeUser[] {
    return this.editors.map((email) => new FakeUser(email));
  }
  /** Domain-wide editing (Workspace): the local runtime has no domain, so it is always off. */
  canDomainEdit(): boolean {
    return false;
  }
  setDomainEdit(editable: boolean): FakeProtection {
    void editable;
    return this;
  }

  /** Whether this protection stops `user` from editing. */
  blocks(user: string): boolean {
    return !this.removed && !this.warningOnly && !this.editors.includes(user);
  }
}

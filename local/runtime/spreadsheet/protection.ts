/**
 * Range protections. They matter to scripts because a script runs as the user: a write into a range protected against
 * that user fails, exactly like typing into it would; a warning-only protection does not stop a script.
 */
import { Fake, currentActingUser } from '../fake';
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
  /** Extra (not in the typed subset): lets tests give a second user edit rights. */
  addEditor(email: string): FakeProtection {
    if (!this.editors.includes(email)) this.editors.push(email);
    return this;
  }
  getEditors(): string[] {
    return [...this.editors];
  }

  /** Whether this protection stops `user` from editing. */
  blocks(user: string): boolean {
    return !this.removed && !this.warningOnly && !this.editors.includes(user);
  }
}

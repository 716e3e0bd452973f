/**
 * Session: who is running the script, in which locale and script time zone. `getActiveUser().getEmail()` is "" in real
 * Apps Script when the user's domain policy or account type withholds it (e.g. a consumer account using a Workspace
 * document); `hideEmail` reproduces that, while the effective user keeps the email.
 */
import { Fake } from './fake';
import type { SessionApi, UserApi } from '../../src/server/platform/apps-script-api';

export class FakeUser extends Fake implements UserApi {
  readonly className = 'User';
  constructor(private readonly email: string) {
    super();
  }
  getEmail(): string {
    return this.email;
  }
}

export class FakeSession extends Fake implements SessionApi {
  readonly className = 'Session';

  constructor(
    private readonly user: string,
    private readonly locale: string,
    private readonly scriptTimeZone: string,
    private readonly hideEmail = false,
  ) {
    super();
  }

  getActiveUser(): FakeUser {
    return new FakeUser(this.hideEmail ? '' : this.user);
  }
  /** An add-on runs as the user who invoked it. */
  getEffectiveUser(): FakeUser {
    return new FakeUser(this.user);
  }
  getActiveUserLocale(): string {
    return this.locale;
  }
  getScriptTimeZone(): string {
    return this.scriptTimeZone;
  }
  getTemporaryActiveUserKey(): string {
    return Buffer.from(this.user).toString('base64url');
  }
}

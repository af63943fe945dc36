// Who is signed in, as GET /api/v1/session tells it, and the CSRF token changes must carry.
import { ApiError, del, get, post, setCsrfToken } from './api';
import { forgetServerDay } from './server-day';

export interface Membership {
  role: string;
  unit: string;
}

export interface SessionInfo {
  username: string;
  name: string;
  person: string | null;
  organisation: string;
  administrator: boolean;
  memberships: Membership[];
  csrf_token: string;
}

class Session {
  current = $state<SessionInfo | null>(null);
  /** True once the first GET /session has answered. */
  known = $state(false);

  get signedIn(): boolean {
    return this.current !== null;
  }

  /** Units the person answers for as head (or chairs, for a political body). */
  get headOf(): string[] {
    return (this.current?.memberships ?? []).filter((m) => m.role === 'head' || m.role === 'chair').map((m) => m.unit);
  }

  get isController(): boolean {
    return (this.current?.memberships ?? []).some((m) => m.role === 'controller');
  }

  get isAdministrator(): boolean {
    return this.current?.administrator ?? false;
  }

  private adopt(info: SessionInfo | null): void {
    // What was read for another session (the day, the unit tree) is asked again.
    forgetServerDay();
    this.current = info;
    setCsrfToken(info?.csrf_token ?? '');
    this.known = true;
  }

  /** Asks the server; a server that cannot be reached counts as nobody signed in (the sign-in
   * page then says what went wrong when it is tried). */
  async load(): Promise<void> {
    try {
      this.adopt(await get<SessionInfo>('/session'));
    } catch (error) {
      this.adopt(null);
      if (!(error instanceof ApiError && error.status === 401)) console.error(error);
    }
  }

  async signIn(username: string, password: string): Promise<void> {
    this.adopt(await post<SessionInfo>('/session', { username, password }));
  }

  async signOut(): Promise<void> {
    try {
      await del('/session');
    } finally {
      this.adopt(null);
    }
  }

  /** The server said the session is gone (expired): forget it. */
  expired(): void {
    this.adopt(null);
  }
}

export const session = new Session();

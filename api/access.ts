// Who may see which account: a rep their own, a CSM the ones they cover, a manager their team's,
// an admin all. The scope is applied in SQL (db/queries/accounts.ts#scopeSql), so listings page
// correctly and no query parameter can widen it.
import type { AccountScope } from '../db/queries/accounts.js';
import type { AuthUser } from './plugins/auth.js';
import { HttpError, forbidden } from './errors.js';

export function assertAdmin(user: AuthUser | null): void {
  if (user?.role !== 'admin') throw forbidden('admin only');
}

/** The account scope of this user (null: every account). */
export function accountScope(user: AuthUser | null): AccountScope | null {
  if (!user) throw new HttpError(401, 'missing bearer token (Authorization: Bearer <token>)');
  return user.role === 'admin' ? null : { userId: user.id, role: user.role };
}

// Who may see which account: a rep their own, a CSM the ones they cover, managers and admins all.
import type { Account } from '../db/queries/accounts.js';
import type { AuthUser } from './plugins/auth.js';
import { forbidden } from './errors.js';

export function canSeeAccount(user: AuthUser | null, account: Pick<Account, 'ownerId' | 'csmId'>): boolean {
  if (!user) return false;
  if (user.role === 'admin' || user.role === 'manager') return true;
  if (user.role === 'rep') return account.ownerId === user.id;
  return account.csmId === user.id || account.ownerId === user.id;
}

export function assertAdmin(user: AuthUser | null): void {
  if (user?.role !== 'admin') throw forbidden('admin only');
}

/** The owner filter a listing must apply for this user (undefined: no restriction). */
export function scopeOwner(user: AuthUser | null): string | undefined {
  return user && (user.role === 'rep' || user.role === 'csm') ? user.id : undefined;
}

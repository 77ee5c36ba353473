// The JSON API as the web app uses it: the bearer token in localStorage and one fetch wrapper
// that turns an error answer into an ApiError carrying the API's own message.
const TOKEN_KEY = 'account-agents.token';

export const getToken = () => localStorage.getItem(TOKEN_KEY);
export const setToken = (token) => localStorage.setItem(TOKEN_KEY, token);
export const clearToken = () => localStorage.removeItem(TOKEN_KEY);

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Calls the API; `body` is sent as JSON. Resolves to the parsed JSON answer. */
export async function api(path, { method = 'GET', body, token = getToken() } = {}) {
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (err) {
    throw new ApiError(0, `The server did not answer (${err.message}).`);
  }
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!res.ok) {
    const message = data && typeof data.message === 'string' ? data.message : `${res.status} ${res.statusText}`;
    // A stored token that stops working ends the session; a wrong one typed at sign-in does not.
    if (res.status === 401 && token && token === getToken()) window.dispatchEvent(new CustomEvent('auth:lost', { detail: message }));
    throw new ApiError(res.status, message);
  }
  return data;
}

/** A query string from the defined, non-empty values of `params`. */
export function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

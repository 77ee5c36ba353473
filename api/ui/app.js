// The web app's shell: sign in and out, the header, and a hash router over three views.
import { api, getToken, setToken, clearToken } from './api.js';
import { label, typingIn } from './ui.js';
import { renderInbox } from './inbox.js';
import { renderAccounts } from './accounts.js';
import { renderAccount } from './account.js';
import { renderBriefs, renderBrief } from './briefs.js';

const $ = (id) => document.getElementById(id);
const session = { me: null };
let cleanup = () => {};

function showSignIn(message = '') {
  session.me = null;
  cleanup();
  cleanup = () => {};
  $('top').hidden = true;
  $('view').replaceChildren();
  $('signin').hidden = false;
  $('signin-error').textContent = message;
  $('token').focus();
}

async function signIn(token) {
  const me = await api('/v1/me', { token });
  setToken(token);
  session.me = me;
  $('signin').hidden = true;
  $('top').hidden = false;
  $('who-name').textContent = me.name;
  const role = me.role === 'csm' ? 'CSM' : label(me.role);
  $('who-role').textContent = role;
  $('who-role').hidden = me.name === role;
  route();
}

/** '#/accounts/acme?signal=x' → { parts: ['accounts', 'acme'], params }. */
function parseHash() {
  const raw = location.hash.startsWith('#/') ? location.hash.slice(2) : 'inbox';
  const [path, query = ''] = raw.split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
}

function route() {
  if (!session.me) return;
  if (!location.hash.startsWith('#/') && location.hash !== '') return; // an in-page anchor
  cleanup();
  const { parts, params } = parseHash();
  const view = $('view');
  view.replaceChildren();
  const ctx = { me: session.me, params, view };
  const section = parts[0] === 'accounts' || parts[0] === 'briefs' ? parts[0] : 'inbox';
  for (const a of document.querySelectorAll('[data-nav]')) {
    if (a.dataset.nav === section) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (parts[0] === 'accounts' && parts[1]) cleanup = renderAccount(ctx, parts[1]);
  else if (parts[0] === 'accounts') cleanup = renderAccounts(ctx);
  else if (parts[0] === 'briefs' && parts[1]) cleanup = renderBrief(ctx, parts[1]);
  else if (parts[0] === 'briefs') cleanup = renderBriefs(ctx);
  else cleanup = renderInbox(ctx);
  $('main').focus({ preventScroll: true });
}

$('signin-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const token = $('token').value.trim();
  if (!token) return;
  try {
    await signIn(token);
    $('token').value = '';
  } catch (err) {
    $('signin-error').textContent = err.status === 401 ? 'That token was not accepted. Check it and try again.' : err.message;
  }
});

$('sign-out').addEventListener('click', () => {
  clearToken();
  history.replaceState(null, '', '#/inbox');
  showSignIn('You are signed out.');
});
$('help-open').addEventListener('click', () => $('help').showModal());

window.addEventListener('auth:lost', () => { clearToken(); showSignIn('Your session ended: sign in again.'); });
window.addEventListener('hashchange', route);

// ? opens the shortcut help from anywhere.
document.addEventListener('keydown', (ev) => {
  if (!session.me || ev.ctrlKey || ev.metaKey || ev.altKey || typingIn(ev.target) || $('help').open) return;
  if (ev.key === '?') { ev.preventDefault(); $('help').showModal(); }
});

const saved = getToken();
if (saved) signIn(saved).catch((err) => showSignIn(err.status === 401 ? 'Your session ended: sign in again.' : err.message));
else showSignIn();

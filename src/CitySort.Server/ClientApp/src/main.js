// The dashboard shell: header with the city, navigation, language switch, and a hash router over the pages.
import 'leaflet/dist/leaflet.css';
import './styles.css';
import { h } from './dom.js';
import { lang, setLang, t } from './i18n.js';
import { renderOverview } from './pages/overview.js';
import { renderSites } from './pages/sites.js';
import { renderSite } from './pages/site.js';
import { renderCoverage } from './pages/coverage.js';
import { renderProfile } from './pages/profile.js';
import { renderImports } from './pages/imports.js';
import { renderPlans } from './pages/plans.js';
import { demoBanner } from './pages/demo.js';
import { renderLive } from './pages/live.js';
import { renderRegistry } from './pages/registry.js';
import { renderProgress } from './pages/progress.js';
import { renderAudit } from './pages/audit.js';
import { renderSignIn, renderSetup } from './pages/signin.js';
import { requestHeaders, setAntiforgeryToken } from './api.js';

const ROUTES = [
  { path: '', nav: 'navOverview', render: renderOverview },
  { path: 'sites', nav: 'navSites', render: renderSites },
  { path: 'coverage', nav: 'navCoverage', render: renderCoverage },
  { path: 'live', nav: 'navLive', render: renderLive },
  { path: 'plans', nav: 'navPlans', render: renderPlans },
  { path: 'profile', nav: 'navProfile', render: renderProfile },
  { path: 'registry', nav: 'navRegistry', render: renderRegistry },
  { path: 'imports', nav: 'navImports', render: renderImports },
  { path: 'audit', nav: 'navAudit', render: renderAudit },
  // The public page (W96-A1): reads only /api/public/progress and shows no navigation into the office's pages.
  { path: 'progress', nav: 'navProgress', render: renderProgress, public: true },
];

let disposeCurrent = null;
/** Who is signed in (GET /api/auth/me), or null before the first answer. */
let me = null;

async function loadMe() {
  try {
    const response = await fetch('/api/auth/me', { headers: requestHeaders() });
    me = response.ok ? await response.json() : { signedIn: false };
  } catch {
    me = { signedIn: false };
  }
  setAntiforgeryToken(me.signedIn ? me.antiforgeryToken : null);
}

/** Once the server accepted a sign-in: ask again who is signed in and show the page of the hash. */
async function afterSignIn() {
  me = null;
  await render();
}

async function signOut() {
  await fetch('/api/auth/sign-out', { method: 'POST', headers: requestHeaders() });
  // Asked again (not assumed), so that the sign-in page knows whether to offer the single sign-on.
  me = null;
  setAntiforgeryToken(null);
  history.replaceState(null, '', '/#/');
  render();
}

/** Parses location.hash '#/sites/ABC?district=1' into { segments: ['sites','ABC'], query }. */
function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, search] = raw.split('?');
  return { segments: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(search ?? '') };
}

function header(active, isPublic) {
  const signedIn = me?.signedIn === true;
  return h('header.topbar',
    h('div.brand',
      h('img.logo', { src: '/favicon.svg', alt: '' }),
      h('div',
        h('div.brand-title', { title: t('appTitle') }, t('appTitle')),
        h('div.brand-sub', t('appSubtitle')))),
    signedIn && !isPublic ? h('nav.mainnav', { 'aria-label': 'main' },
      ROUTES.filter(r => !r.public).map(r => h('a' + (r.path === active ? '.active' : ''), { href: '#/' + r.path, 'data-nav': r.path || 'overview' }, t(r.nav))),
      h('a.external', { href: '/api/reference', target: '_blank', rel: 'noopener' }, t('navApi'))) : h('div.mainnav'),
    h('div.tools',
      signedIn ? h('span.user-chip', { id: 'user-chip', title: t('signedInAs', { name: me.userName }) }, me.userName) : null,
      signedIn ? h('button.sign-out', { type: 'button', id: 'sign-out', onclick: signOut }, t('signOut')) : null,
      signedIn ? null : h('span.city-chip', t('city')),
      h('button.lang-switch', {
        type: 'button', id: 'lang-switch', title: t('langSwitchTitle'),
        onclick: () => { setLang(lang() === 'zh' ? 'en' : 'zh'); render(); },
      }, t('langSwitch'))));
}

/** Renders the page of the current hash into #app. */
async function render() {
  if (disposeCurrent) { try { disposeCurrent(); } catch { /* page already gone */ } disposeCurrent = null; }
  const { segments, query } = parseHash();
  const first = segments[0] ?? '';
  const app = document.getElementById('app');
  // The public page (W96-A1) asks the server nothing but its own API: not even who is signed in.
  const publicRoute = ROUTES.find(r => r.public && r.path === first);
  if (me === null && !publicRoute) await loadMe();
  if (!publicRoute && !me.signedIn) {
    // Nobody signed in: the sign-in page, or the first administrator's set-up from the one-time link.
    const setup = first === 'setup' && segments[1];
    const main = h('main.content', { id: 'page', 'data-page': setup ? 'setup' : 'sign-in' });
    app.replaceChildren(header(null), main, h('footer.footer', t('footer'), ' ', h('a', { href: '#/progress', id: 'footer-progress' }, t('navProgress'))));
    document.title = t(setup ? 'setupTitle' : 'signInTitle') + ' · CitySort';
    if (setup) renderSetup(main, segments[1], afterSignIn);
    else renderSignIn(main, afterSignIn, { singleSignOn: me.singleSignOn === true, ssoReason: query.get('sso') });
    return;
  }
  const route = ROUTES.find(r => r.path === first) ?? ROUTES[0];
  const main = h('main.content', { id: 'page', 'data-page': first === 'sites' && segments[1] ? 'site' : (route.path || 'overview') });
  app.replaceChildren(...[header(route.path, route.public), route.public ? null : demoBanner(), main, h('footer.footer', t('footer'), ' ', route.public ? null : h('a', { href: '#/progress', id: 'footer-progress' }, t('navProgress')))].filter(Boolean));
  document.title = t('appTitle') + ' · CitySort';
  const render = first === 'sites' && segments[1] ? (el) => renderSite(el, segments[1]) : (el) => route.render(el, query);
  disposeCurrent = await render(main) ?? null;
}

window.addEventListener('hashchange', render);
render();

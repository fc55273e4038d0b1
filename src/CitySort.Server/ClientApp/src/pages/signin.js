// The sign-in page and the first administrator's set-up page (from the one-time link that serve prints).
// Both post JSON to /api/auth; the server answers in the page's language (Accept-Language), and its words are shown
// as text. Passwords never leave the form except in the request body.
import { h } from '../dom.js';
import { lang, t, addLabels } from '../i18n.js';
import { sendJson } from '../api.js';

addLabels({
  signInTitle: ['登录', 'Sign in'],
  signInLead: ['请用您的账户登录城区生活垃圾分类管理系统。', 'Sign in with your account to the urban waste-sorting system.'],
  userName: ['用户名', 'User name'],
  password: ['密码', 'Password'],
  passwordAgain: ['再次输入密码', 'Password again'],
  signInButton: ['登录', 'Sign in'],
  signingIn: ['正在登录…', 'Signing in…'],
  signOut: ['退出登录', 'Sign out'],
  signedInAs: ['当前用户：{name}', 'Signed in as {name}'],
  signInMissing: ['请填写用户名和密码。', 'Please enter the user name and the password.'],
  signInHelp: ['忘记密码或账户被锁定，请联系系统管理员。', 'Forgot the password or locked out? Ask the system administrator.'],
  setupTitle: ['设置第一位管理员', 'Set up the first administrator'],
  setupLead: ['系统还没有任何账户。请为市级管理员选择用户名和密码（至少 {min} 个字符，不能是常见密码）。此链接只能使用一次。', 'There is no account yet. Choose the city administrator\'s user name and password (at least {min} characters, not a common one). This link works once.'],
  setupButton: ['创建管理员并登录', 'Create the administrator and sign in'],
  passwordsDiffer: ['两次输入的密码不一致。', 'The two passwords differ.'],
  ssoButton: ['使用城市统一身份认证登录', 'Sign in with the city\'s single sign-on'],
  ssoOr: ['或', 'or'],
  // The reasons the server sends the browser back with (#/?sso=CODE), as in IdentityTexts.
  ssoSsoUnknownIdentity: ['您的统一身份认证账户还没有关联 CitySort 账户，未能登录。请联系系统管理员开通。', 'Your single sign-on identity is not linked to a CitySort account, so you were not signed in. Ask the system administrator to link one.'],
  ssoLockedOut: ['账户已被锁定，请稍后再试或联系管理员。', 'The account is locked; try again later or ask an administrator.'],
  ssoSsoFailed: ['统一身份认证登录未成功，请重试，或用用户名和密码登录。', 'Signing in through the single sign-on did not succeed; try again, or sign in with your user name and password.'],
});

const SSO_REASONS = ['SsoUnknownIdentity', 'LockedOut', 'SsoFailed'];

const MIN_PASSWORD = 10;

function field(id, label, type, autocomplete) {
  return h('label.field', { for: id }, label, h('input', { id, name: id, type, autocomplete, required: true, spellcheck: 'false' }));
}

/** A form with its fields, a submit button and an error line; onSubmit(values, showError) does the work. */
function authForm(fields, button, onSubmit) {
  const error = h('p.form-error', { id: 'auth-error', role: 'alert' });
  const submit = h('button.btn.primary', { type: 'submit', id: 'auth-submit' }, button);
  const form = h('form.auth-form', { novalidate: true }, fields, error, submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    const values = Object.fromEntries(fields.map(f => [f.querySelector('input').id, f.querySelector('input').value]));
    submit.disabled = true;
    try {
      await onSubmit(values, (text) => { error.textContent = text; });
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function problemText(body) {
  if (body?.problemsZh && lang() !== 'en') return body.problemsZh.join(' ');
  if (body?.problemsEn && lang() === 'en') return body.problemsEn.join(' ');
  return body?.detail || t('errServer');
}

/**
 * Renders the sign-in page into el; onSignedIn() is called once the server accepted the password. With
 * singleSignOn true the city's single sign-on is offered (a link to /api/auth/sso); ssoReason is the code the server
 * sent a refused single sign-on back with, shown in the page's language.
 */
export function renderSignIn(el, onSignedIn, { singleSignOn = false, ssoReason = null } = {}) {
  const form = authForm(
    [field('username', t('userName'), 'text', 'username'), field('password', t('password'), 'password', 'current-password')],
    t('signInButton'),
    async (v, showError) => {
      if (!v.username.trim() || !v.password) { showError(t('signInMissing')); return; }
      const answer = await sendJson('POST', '/api/auth/sign-in', { userName: v.username.trim(), password: v.password }, lang());
      if (answer.ok) onSignedIn();
      else showError(problemText(answer.body));
    });
  const sso = singleSignOn
    ? h('div.sso', h('p.sso-or', t('ssoOr')), h('a.btn.sso-button', { id: 'sso-sign-in', href: '/api/auth/sso' }, t('ssoButton')))
    : null;
  const reason = SSO_REASONS.includes(ssoReason) ? h('p.form-error', { id: 'sso-error', role: 'alert' }, t('sso' + ssoReason)) : null;
  el.replaceChildren(h('section.auth-card', { id: 'sign-in' },
    h('h1', t('signInTitle')), h('p.lead', t('signInLead')), reason, form, sso, h('p.hint', t('signInHelp'))));
  el.querySelector('#username').focus();
}

/** Renders the first administrator's set-up page for the link's token into el. */
export function renderSetup(el, token, onSignedIn) {
  const form = authForm(
    [field('username', t('userName'), 'text', 'username'), field('password', t('password'), 'password', 'new-password'),
      field('password2', t('passwordAgain'), 'password', 'new-password')],
    t('setupButton'),
    async (v, showError) => {
      if (!v.username.trim() || !v.password) { showError(t('signInMissing')); return; }
      if (v.password !== v.password2) { showError(t('passwordsDiffer')); return; }
      const answer = await sendJson('POST', '/api/auth/setup', { token, userName: v.username.trim(), password: v.password }, lang());
      if (answer.ok) { history.replaceState(null, '', '/#/'); onSignedIn(); }
      else showError(problemText(answer.body));
    });
  el.replaceChildren(h('section.auth-card', { id: 'setup' },
    h('h1', t('setupTitle')), h('p.lead', t('setupLead', { min: MIN_PASSWORD })), form));
  el.querySelector('#username').focus();
}

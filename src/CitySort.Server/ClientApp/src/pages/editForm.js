// The forms that add, change and retire registry records (sites and their bins, vehicles, facilities, lines;
// docs/registry.md). Every value goes in as text through the DOM, never as markup; the server checks an edit as it
// checks an imported row, and each refused field's reason is shown beside that field in the page's language.
import { h } from '../dom.js';
import { lang, t } from '../i18n.js';
import { sendJson } from '../api.js';

/**
 * A labelled input bound to a property of the request body. kind: 'text' | 'number' | 'checkbox' | 'select' | 'list'
 * (a ';'-separated list of codes or names). options for a select: [[value, label], ...].
 */
export function field(name, label, kind, value, options) {
  let input;
  if (kind === 'select') {
    input = h('select', { name, id: 'edit-' + name },
      options.map(([v, text]) => h('option', { value: v, selected: String(value ?? '') === String(v) }, text)));
  } else if (kind === 'checkbox') {
    input = h('input', { type: 'checkbox', name, id: 'edit-' + name, checked: !!value });
  } else {
    input = h('input', {
      type: kind === 'number' ? 'number' : 'text', step: kind === 'number' ? 'any' : null, name, id: 'edit-' + name,
      value: kind === 'list' ? (value ?? []).join(';') : (value ?? ''),
    });
  }
  input.dataset.kind = kind;
  return h('label.field' + (kind === 'checkbox' ? '.check' : ''), { 'data-field': name },
    h('span.field-label', label), input, h('span.field-error', { role: 'alert', hidden: true }));
}

/** Reads every field of form into a request body: numbers as numbers (an empty one left out, so the server's check names it), empty text as null, lists split on ';'. */
export function readFields(form) {
  const body = {};
  for (const input of form.querySelectorAll('[data-kind]')) {
    if (input.closest('[data-row]')) continue;
    const kind = input.dataset.kind;
    const raw = kind === 'checkbox' ? input.checked : input.value.trim();
    if (kind === 'checkbox') body[input.name] = raw;
    else if (kind === 'number') { if (raw !== '') body[input.name] = Number(raw); }
    else if (kind === 'list') body[input.name] = raw === '' ? [] : raw.split(/[;；]/).map(s => s.trim()).filter(Boolean);
    else body[input.name] = raw === '' ? null : raw;
  }
  return body;
}

/** Clears the reasons shown in form. */
export function clearErrors(form) {
  for (const el of form.querySelectorAll('.field-error, .form-error')) { el.textContent = ''; el.hidden = true; }
  for (const el of form.querySelectorAll('.has-error')) el.classList.remove('has-error');
}

/**
 * Shows a refused edit's reasons beside their fields: each error's JSON path ($.longitude, $.bins[1]) names the field
 * (data-field="longitude", data-field="bins[1]"); a reason whose field is not on the form goes to the form's own
 * error line, as does the document's detail when it lists no field.
 */
export function showErrors(form, problem) {
  clearErrors(form);
  const general = form.querySelector('.form-error');
  const errors = problem?.errors ?? [];
  const unplaced = [];
  for (const error of errors) {
    const path = String(error.path ?? '$').replace(/^\$\.?/, '');
    const first = path.split('.')[0];
    const target = form.querySelector(`[data-field="${CSS.escape(first)}"]`) ?? form.querySelector(`[data-field="${CSS.escape(first.replace(/\[\d+\]$/, ''))}"]`);
    const box = target?.querySelector(':scope > .field-error');
    if (box) {
      box.textContent = box.textContent ? box.textContent + ' ' + error.detail : error.detail;
      box.hidden = false;
      target.classList.add('has-error');
    } else {
      unplaced.push(error.detail);
    }
  }
  const text = unplaced.length ? unplaced.join(' ') : (errors.length ? '' : (problem?.detail ?? t('errServer')));
  if (general && text) { general.textContent = text; general.hidden = false; }
}

/**
 * A form panel: the fields, a save button and a cancel button. onSave(body) returns the server's answer
 * ({ ok, status, body }); a refused answer is shown beside its fields, a saved one calls done().
 */
export function editPanel(title, fields, toBody, send, done, cancel) {
  const form = h('form.edit-form', { novalidate: true },
    h('h3.edit-title', title),
    h('div.edit-fields', fields),
    h('div.form-error', { role: 'alert', hidden: true }),
    h('div.edit-actions',
      h('button.btn.primary', { type: 'submit', 'data-action': 'save' }, t('editSave')),
      h('button.btn', { type: 'button', onclick: cancel }, t('editCancel'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const save = form.querySelector('[data-action=save]');
    save.disabled = true;
    try {
      const answer = await send(toBody(form));
      if (answer.ok) done(answer.body);
      else showErrors(form, answer.body);
    } catch (error) {
      showErrors(form, { detail: error.message });
    } finally {
      save.disabled = false;
    }
  });
  return form;
}

/** PUT or POST an edit in the page's language. */
export function save(method, path, body) {
  return sendJson(method, path, body, lang());
}

/**
 * Asks to confirm, then retires the record at path (POST path/retire with its version). Resolves with the server's
 * answer, or null when the clerk did not confirm.
 */
export async function retire(path, version, question) {
  if (!window.confirm(question)) return null;
  return sendJson('POST', path + '/retire', { version }, lang());
}

/** The chip of a retired record ("已停用 2026-12-02"), or null while in service. */
export function retiredChip(retiredAt) {
  if (!retiredAt) return null;
  return h('span.chip.retired', { title: t('retiredTitle') }, t('retired') + ' ' + String(retiredAt).slice(0, 10));
}

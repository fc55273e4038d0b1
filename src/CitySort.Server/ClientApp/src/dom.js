// Tiny DOM helpers: build elements without innerHTML for data (no injection from imported names).

/** Creates an element: h('div.card', {title: 'x'}, child, 'text', [more]). */
export function h(tag, attrs, ...children) {
  const [name, ...classes] = tag.split('.');
  const el = document.createElement(name || 'div');
  if (classes.length) el.className = classes.join(' ');
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
  } else if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v == null || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
      else if (k === 'dataset') Object.assign(el.dataset, v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Formats a number with thousands separators in the page language. */
export function num(value, digits = 0) {
  if (value == null || Number.isNaN(value)) return '–';
  return Number(value).toLocaleString(document.documentElement.lang, { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Formats a fraction 0..1 as a percentage. */
export function pct(fraction, digits = 1) {
  if (fraction == null || Number.isNaN(fraction)) return '–';
  return num(fraction * 100, digits) + '%';
}

/**
 * The content of a map tooltip or popup (Leaflet bindTooltip / bindPopup) built from text only: a DOM node with one
 * line per part, each set as text, never parsed as markup. Leaflet puts string content in with innerHTML, so a name
 * from an import (a site, district, street, facility, vehicle or hauler) must never be passed to it as a string; every
 * tooltip and popup of the dashboard is made here. Parts that are null or empty are left out; arrays are flattened.
 */
export function tipText(...parts) {
  return h('div.map-tip-body', parts.flat().filter(p => p != null && p !== '').map(p => h('div', String(p))));
}

// The JSON API client: every call returns data or throws an ApiError whose message a clerk understands.
import { lang, t } from './i18n.js';

/** An error of an API call, with words for the reader and the problem details (RFC 9457) when the server sent them. */
export class ApiError extends Error {
  constructor(message, status, problem) {
    super(message);
    this.status = status;
    this.problem = problem;
  }
}

/** Turns a failed response into words: the server's own detail when it gave one, else a plain sentence by status. */
export function describeFailure(status, problem) {
  if (status === 0) return t('errNetwork');
  if (status === 404) return t('errNotFound');
  if (status === 403 || status === 401) return t('errForbidden');
  if (status === 413) return t('errTooLarge');
  if (status >= 500) return t('errServer');
  const detail = problem?.detail || problem?.title;
  return detail ? t('errBadRequest') + detail : t('errServer');
}

/** The signed-in user's anti-forgery token from GET /api/auth/me, or null (docs/security.md, "Anti-forgery"). */
let antiforgeryToken = null;

/** Keeps the anti-forgery token that every later request sends (null after sign-out). */
export function setAntiforgeryToken(token) {
  antiforgeryToken = typeof token === 'string' && token.length > 0 ? token : null;
}

/**
 * The headers of every API request: what the answer may be, the language of the dashboard's switch
 * (Accept-Language, RFC 9110 section 12.5.4), so that the server's errors and reasons come in the language chosen,
 * and the signed-in user's anti-forgery token, without which the server refuses a write.
 */
export function requestHeaders(accept = 'application/json') {
  const headers = { Accept: accept, 'Accept-Language': lang() === 'en' ? 'en' : 'zh-CN' };
  if (antiforgeryToken) headers['X-CSRF-Token'] = antiforgeryToken;
  return headers;
}

/** GETs path and returns the parsed JSON. */
export async function getJson(path) {
  let response;
  try {
    response = await fetch(path, { headers: requestHeaders() });
  } catch {
    throw new ApiError(t('errNetwork'), 0, null);
  }
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not JSON */ }
    throw new ApiError(describeFailure(response.status, problem), response.status, problem);
  }
  return response.json();
}

/**
 * POSTs a file as multipart form data with upload progress (XMLHttpRequest, since fetch has no upload progress).
 * onProgress receives the uploaded fraction 0..1, then null once the upload is done and the server is working.
 * Resolves with { status, body } for 2xx and 422 (a rejected file is an answer, not a failure); rejects otherwise.
 */
export function uploadFile(path, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    for (const [name, value] of Object.entries(requestHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.upload.onload = () => onProgress(null);
    xhr.onerror = () => reject(new ApiError(t('errNetwork'), 0, null));
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if ((xhr.status >= 200 && xhr.status < 300) || xhr.status === 422) {
        resolve({ status: xhr.status, body });
      } else {
        reject(new ApiError(describeFailure(xhr.status, body), xhr.status, body));
      }
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/**
 * Sends a JSON body (POST or PUT) in the page's language (Accept-Language), so that the server's problem document
 * comes back in the words the clerk reads. Resolves with { ok, status, body } for every answer the server gave
 * (a refused edit is an answer, shown near its fields); rejects only when the server cannot be reached.
 */
export async function sendJson(method, path, body, language) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: { ...requestHeaders(), 'Content-Type': 'application/json', 'Accept-Language': language === 'en' ? 'en' : 'zh-CN' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(t('errNetwork'), 0, null);
  }
  let parsed = null;
  try { parsed = await response.json(); } catch { /* no body */ }
  return { ok: response.ok, status: response.status, body: parsed };
}

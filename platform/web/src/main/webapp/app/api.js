// The one door to the server. Every failure becomes an ApiError with a stable code:
// the server's own code, or 'network' when we could not reach it at all.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code);
    this.status = status;
    this.code = code;
    this.serverMessage = message || '';
  }
}

const TIMEOUT = 30000;

export async function api(path, method = 'GET', body) {
  const ctrl = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = ctrl && setTimeout(() => ctrl.abort(), TIMEOUT);
  // The language the reader chose in the header, so that text the server writes (plugins' messages) matches.
  const headers = { Accept: 'application/json', 'Accept-Language': document.documentElement.lang || 'en' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch('/api' + path, {
      method, headers, credentials: 'same-origin', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: ctrl && ctrl.signal,
    });
  } catch (e) {
    throw new ApiError(0, 'network', '');
  } finally {
    clearTimeout(timer);
  }
  if (res.status === 204) return null;
  let data = null;
  try {
    data = await res.json();
  } catch (e) {
    if (res.ok) throw new ApiError(0, 'network', '');
  }
  if (!res.ok) {
    const code = data && data.error ? data.error : res.status >= 500 ? 'internal_error' : 'unexpected';
    throw new ApiError(res.status, code, data && data.message);
  }
  return data;
}

export const enc = encodeURIComponent;

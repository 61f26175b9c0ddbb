// The one live connection of this tab: a WebSocket to /live (same origin; the session cookie is the
// identity), kept open across chat pages. It reconnects by itself with jittered, capped backoff and,
// once back, resumes the open room after the last seq this tab has seen, so nothing is missed and
// nothing arrives twice (the chat view also ignores a seq it already has). Messages written while the
// connection is down wait in an outbox with their client id and are sent again once it is back: the
// server stores a resend with the same client id only once. The protocol is in README.md ("Live chat").

const BACKOFF_FIRST = 500;
const BACKOFF_CAP = 30000;
/** A connection that says nothing for this long after a ping is taken for dead (a phone that lost its network). */
const PING_EVERY = 25000;
const PONG_WITHIN = 10000;
const ANSWER_WITHIN = 15000;

let ws = null;
let state = 'idle'; // idle | connecting | open | reconnecting | signedOut
let attempt = 0;
let retryTimer = null;
let pingTimer = null;
let pongTimer = null;
let users = 0;
let refs = 0;
let holdUntil = 0;

const listeners = new Set();
const statusListeners = new Set();
/** Answers awaited by ref: {resolve, reject, match, timer}. */
const waiting = new Map();
/** The open room: {id, lastSeq}. Only one room is listened to at a time. */
let room = null;
/** Sends not yet acknowledged, in the order they were written: {clientId, room, body, ref}. */
const outbox = [];

const newRef = () => 'r' + (++refs);

export const newClientId = () => (crypto.randomUUID ? crypto.randomUUID()
  : Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 12));

function setState(s) {
  if (state === s) return;
  state = s;
  statusListeners.forEach((f) => f(s));
}

export const status = () => state;

/** Starts the connection if it is not running, and counts the view using it. Returns release(). */
export function use() {
  users++;
  if (state === 'idle' || state === 'signedOut') connect();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    users--;
    // A quick move to another chat page keeps the connection; leaving chat closes it a little later.
    setTimeout(() => { if (users === 0) stop(); }, 30000);
  };
}

export function onFrame(f) { listeners.add(f); return () => listeners.delete(f); }
export function onStatus(f) { statusListeners.add(f); return () => statusListeners.delete(f); }

function connect() {
  clearTimeout(retryTimer);
  retryTimer = null;
  if (Date.now() < holdUntil) {
    retryTimer = setTimeout(connect, holdUntil - Date.now());
    return;
  }
  setState(attempt === 0 ? 'connecting' : 'reconnecting');
  let socket;
  try {
    socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/live');
  } catch (e) {
    retry();
    return;
  }
  ws = socket;
  socket.onmessage = (e) => { if (socket === ws) received(e.data); };
  socket.onclose = (e) => { if (socket === ws) lost(e); };
  socket.onerror = () => { /* onclose follows */ };
}

function stop() {
  clearTimeout(retryTimer);
  retryTimer = null;
  stopPing();
  const s = ws;
  ws = null;
  attempt = 0;
  if (s) s.close(1000, 'done');
  setState('idle');
}

function lost(e) {
  ws = null;
  stopPing();
  failWaiting('network');
  if (users === 0) { setState('idle'); return; }
  if (e && e.code === 1008 && e.reason === 'not_authenticated') { setState('signedOut'); return; }
  retry(e && e.code === 1008 ? 30000 : 0);
}

function retry(atLeast = 0) {
  attempt++;
  setState('reconnecting');
  // Full jitter: a server that comes back is not met by every tab at the same instant.
  const ceiling = Math.min(BACKOFF_CAP, BACKOFF_FIRST * 2 ** Math.min(attempt - 1, 10));
  let delay = Math.max(atLeast, ceiling / 2 + Math.random() * ceiling / 2);
  // Offline, trying is pointless: the online event starts the next try (this one is the fallback).
  if (navigator.onLine === false) delay = Math.max(delay, BACKOFF_CAP);
  clearTimeout(retryTimer);
  retryTimer = setTimeout(async () => {
    // A handshake refused for want of identity looks like any failed connection: ask the API once in a while.
    if (attempt >= 3 && attempt % 3 === 0 && await signedOut()) { setState('signedOut'); return; }
    connect();
  }, delay);
}

async function signedOut() {
  try {
    const res = await fetch('/api/me', { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } });
    if (!res.ok) return false;
    return !(await res.json()).authenticated;
  } catch (e) {
    return false;
  }
}

// The network came back (or went): try now rather than wait out the backoff.
window.addEventListener('online', () => {
  if (users === 0 || state !== 'reconnecting') return;
  attempt = 0;
  if (!ws) connect();
});
window.addEventListener('offline', () => {
  // The socket may linger half-open for minutes: give it up now, and let the server see it go.
  if (ws) { const s = ws; lost({ code: 4000 }); s.close(4000, 'offline'); }
});

function startPing() {
  stopPing();
  pingTimer = setInterval(() => {
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    raw({ type: 'ping', ref: newRef() });
    clearTimeout(pongTimer);
    pongTimer = setTimeout(() => { if (ws) { const s = ws; lost({ code: 4001 }); s.close(4001, 'no answer'); } }, PONG_WITHIN);
  }, PING_EVERY);
}

function stopPing() {
  clearInterval(pingTimer);
  clearTimeout(pongTimer);
  pingTimer = pongTimer = null;
}

function raw(frame) {
  if (!ws || ws.readyState !== WebSocket.OPEN) return false;
  ws.send(JSON.stringify(frame));
  return true;
}

function received(data) {
  let f;
  try { f = JSON.parse(data); } catch (e) { return; }
  clearTimeout(pongTimer);
  if (f.type === 'welcome') {
    attempt = 0;
    setState('open');
    startPing();
    rejoin();
    return;
  }
  if (f.type === 'message' && room && f.room === room.id) {
    room.lastSeq = Math.max(room.lastSeq, f.seq);
  }
  if (f.type === 'ack') {
    const i = outbox.findIndex((o) => o.clientId === f.clientId);
    if (i >= 0) outbox.splice(i, 1);
  }
  if (f.type === 'error' && f.ref) {
    // A send the server refused (slow mode, a mute, too long) will not succeed by trying again.
    const i = outbox.findIndex((o) => o.ref === f.ref);
    if (i >= 0) outbox.splice(i, 1);
  }
  if (f.ref && waiting.has(f.ref)) {
    const w = waiting.get(f.ref);
    if (f.type === 'error') settle(f.ref, null, f);
    else if (!w.answer || w.answer === f.type) settle(f.ref, f, null);
  }
  // Answers that come back to the room without a ref (edited, deleted, reaction) settle on what they are about.
  for (const [ref, w] of waiting) {
    if (w.match && w.match(f)) settle(ref, f, null);
  }
  listeners.forEach((l) => l(f));
}

function settle(ref, ok, err) {
  const w = waiting.get(ref);
  if (!w) return;
  waiting.delete(ref);
  clearTimeout(w.timer);
  if (err) w.reject(err); else w.resolve(ok);
}

function failWaiting(code) {
  for (const ref of [...waiting.keys()]) settle(ref, null, { type: 'error', code, message: '' });
}

/** After (re)connecting: listen to the open room again from where this tab left off, then send what waits. */
function rejoin() {
  if (room) listen();
  outbox.forEach((o) => raw({ type: 'send', room: o.room, clientId: o.clientId, body: o.body, ref: o.ref }));
}

/** Joins or resumes the open room; the ref starts with j- so that a refusal is known for what it is. */
function listen() {
  if (room.lastSeq >= 0) raw({ type: 'resume', room: room.id, afterSeq: room.lastSeq, ref: 'j-' + newRef() });
  else raw({ type: 'join', room: room.id, ref: 'j-' + newRef() });
}

/**
 * Listens to a room (and stops listening to the one before). lastSeq: the highest seq this tab has of
 * it, or -1 to start afresh (join; the view asks for history itself).
 */
export function openRoom(id, lastSeq = -1) {
  if (room && room.id !== id) raw({ type: 'leave', room: room.id });
  room = { id, lastSeq };
  if (state === 'open') listen();
  return room;
}

/** Stops listening to a room; listening: what openRoom returned (a later openRoom of the same room is not undone). */
export function closeRoom(listening) {
  if (room && room === listening) {
    raw({ type: 'leave', room: room.id });
    room = null;
  }
}

/** Notes a seq the view has (from history, say), so that a resume starts after it. */
export function seen(id, seq) {
  if (room && room.id === id) room.lastSeq = Math.max(room.lastSeq, seq);
}

/** Sends a message now, or as soon as the connection is back. Returns its client id. */
export function sendMessage(roomId, body, clientId = newClientId()) {
  const o = { clientId, room: roomId, body, ref: 's-' + clientId };
  if (!outbox.some((x) => x.clientId === clientId)) outbox.push(o);
  raw({ type: 'send', room: roomId, clientId, body, ref: o.ref });
  return clientId;
}

/** Messages waiting for their acknowledgement in a room. */
export const pending = (roomId) => outbox.filter((o) => o.room === roomId);

/** A frame sent only when connected (typing, read markers): nothing is lost by dropping it. */
export const fire = (frame) => raw(frame);

/**
 * A frame whose answer matters: resolves with the answer (by ref, of type answer, or the first frame
 * match() accepts), rejects with the error frame, or with code 'network' when offline or unanswered.
 */
export function request(frame, { answer = null, match = null } = {}) {
  return new Promise((resolve, reject) => {
    const ref = newRef();
    if (!raw(Object.assign({}, frame, { ref }))) {
      reject({ type: 'error', code: 'network', message: '' });
      return;
    }
    const timer = setTimeout(() => settle(ref, null, { type: 'error', code: 'network', message: '' }), ANSWER_WITHIN);
    waiting.set(ref, { resolve, reject, answer, match, timer });
  });
}

// For the browser tests (and anyone curious in the console): cut the connection as a network would,
// optionally staying away for holdMs before the usual reconnecting starts.
window.kinshipLive = {
  drop(holdMs = 0) {
    holdUntil = Date.now() + holdMs;
    if (ws) { const s = ws; lost({ code: 4002 }); s.close(4002, 'dropped'); }
  },
  status,
};

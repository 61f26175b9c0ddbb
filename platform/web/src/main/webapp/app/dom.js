// Building the page from data without ever turning data into markup: no innerHTML anywhere.

const PROPS = new Set(['value']);

/** h('p', {class: 'x'}, 'text', child, [more]) → an element. Strings become text nodes. */
export function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const k in attrs || {}) {
    const v = attrs[k];
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (PROPS.has(k)) el[k] = v;
    else el.setAttribute(k === 'className' ? 'class' : k, v === true ? '' : v);
  }
  add(el, kids);
  return el;
}

function add(el, kids) {
  for (const k of kids) {
    if (k == null || k === false || k === '') continue;
    if (Array.isArray(k)) add(el, k);
    else el.append(k instanceof Node ? k : String(k));
  }
}

/** Replaces el's children the way h() adds them: strings as text, arrays flattened, nothing for null or false. */
export function put(el, ...kids) {
  el.replaceChildren();
  add(el, kids);
  return el;
}

let uid = 0;
/** A fresh id for tying labels, hints and errors together. */
export const newId = (p = 'k') => p + (++uid);

// My goals: title, why, steps I tick off, progress from the steps (or a percentage when there are none).
import { itemsPage, opt, words, busy, say } from './common.js';

export default async function page(kit) {
  const { h } = kit;
  const t = words(kit);
  return itemsPage(kit, {
    kind: 'goals', titleKey: 'goals', newKey: 'newGoal', changeKey: 'changeGoal',
    fields: [
      { name: 'title', label: 'title', required: true, max: 150 },
      { name: 'why', label: 'why', type: 'textarea', rows: 3 },
      { name: 'steps', label: 'steps', type: 'textarea', hint: 'stepsHint', rows: 4,
        from: (g) => g.steps.map((s) => s.text).join('\n') },
      { name: 'progress', label: 'progressManual', type: 'number', from: (g) => (g.progressFrom === 'value' ? g.progress : '') },
    ],
    errorField: { title_invalid: 'title', text_too_long: 'why', steps_invalid: 'steps', progress_invalid: 'progress' },
    heading: (g) => g.title,
    toBody: (v, editing) => {
      const body = { title: v.title.trim(), why: opt(v.why) };
      // Keep ticks for steps whose text did not change.
      const old = new Map((editing ? editing.steps : []).map((s) => [s.text, s.done]));
      body.steps = v.steps.split('\n').map((s) => s.trim()).filter(Boolean).map((text) => ({ text, done: old.get(text) === true }));
      if (v.progress.trim()) body.progress = /^\d+$/.test(v.progress.trim()) ? Number(v.progress.trim()) : v.progress.trim();
      return body;
    },
    show: (g, { status, replace }) => {
      const pid = 'tb-p-' + g.id;
      const parts = [
        h('p', { class: 'tb-progress' }, h('label', { for: pid }, t('progress') + ': '),
          h('progress', { id: pid, max: 100, value: g.progress }, g.progress + ' %'), ' ', t('progressValue', { n: g.progress })),
        g.why ? h('p', { class: 'tb-text' }, g.why) : null,
      ];
      if (g.steps.length) {
        const fs = h('fieldset', { class: 'tb-steps' }, h('legend', {}, t('steps')));
        g.steps.forEach((s, i) => {
          const id = 'tb-s-' + g.id + '-' + i;
          const box = h('input', { type: 'checkbox', id, checked: s.done || null });
          box.addEventListener('change', () => busy(kit, fs, async () => {
            const steps = g.steps.map((x, j) => ({ text: x.text, done: j === i ? box.checked : x.done }));
            const body = { title: g.title, why: g.why, steps, version: g.version };
            if (g.progressFrom === 'value') body.progress = g.progress;
            const saved = await kit.api('/goals/' + g.id, { method: 'PUT', body });
            replace(saved);
            say(kit, status, t('progressValue', { n: saved.progress }));
            const again = document.getElementById(id);
            if (again) again.focus();
          }));
          fs.append(h('div', { class: 'choice' }, box, h('label', { for: id }, s.text)));
        });
        fs.append(h('div', { class: 'tb-form-status' }));
        parts.push(fs);
      }
      return parts;
    },
  });
}

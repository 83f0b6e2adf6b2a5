/* global document */
// Progressive enhancements for the cspi dashboard. Everything works without this file.
import { initAll } from '/govuk/govuk-frontend.min.js';

initAll();

// Sortable tables: a button in each header cell of table[data-sortable]; aria-sort tells screen readers.
for (const table of document.querySelectorAll('table[data-sortable]')) {
  const headers = [...table.querySelectorAll('thead th')];
  const tbody = table.tBodies[0];
  if (!tbody) continue;
  headers.forEach((th, index) => {
    if (th.hasAttribute('data-nosort') || !th.textContent.trim()) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'app-sort-button';
    button.textContent = th.textContent.trim();
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', () => {
      const next = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      headers.forEach((h) => h.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', next);
      const key = (row) => {
        const cell = row.children[index];
        if (!cell) return '';
        const s = cell.getAttribute('data-sort');
        if (s !== null) return s === '' ? null : Number(s);
        const text = cell.textContent.trim();
        const n = Number(text.replace(/[,%]/g, '').split(' ')[0]);
        return Number.isFinite(n) && text !== '' ? n : text.toLowerCase();
      };
      const rows = [...tbody.rows];
      rows.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        if (x === null && y === null) return 0;
        if (x === null) return 1;
        if (y === null) return -1;
        const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        return next === 'ascending' ? c : -c;
      });
      rows.forEach((r) => tbody.appendChild(r));
    });
  });
}

// Chart tooltips on hover and keyboard focus; the <title> of each point is the no-JavaScript fallback.
for (const figure of document.querySelectorAll('.app-chart-figure')) {
  const svg = figure.querySelector('svg');
  if (!svg) continue;
  const tip = document.createElement('div');
  tip.className = 'app-tooltip';
  tip.hidden = true;
  tip.setAttribute('aria-hidden', 'true');
  figure.appendChild(tip);
  const points = svg.querySelectorAll('[data-tooltip]');
  const show = (point) => {
    const box = point.getBoundingClientRect();
    const outer = figure.getBoundingClientRect();
    tip.textContent = point.getAttribute('data-tooltip');
    tip.style.left = `${box.left + box.width / 2 - outer.left}px`;
    tip.style.top = `${box.top - outer.top}px`;
    tip.hidden = false;
  };
  // WCAG 1.4.13: the tooltip stays while the pointer is on it (hoverable) and Escape dismisses it.
  const leave = (event) => {
    const to = event.relatedTarget;
    if (to && (to === tip || to.closest?.('[data-tooltip]'))) return;
    tip.hidden = true;
  };
  tip.addEventListener('mouseleave', leave);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') tip.hidden = true;
  });
  for (const point of points) {
    point.addEventListener('mouseenter', () => show(point));
    point.addEventListener('mouseleave', leave);
    point.addEventListener('focus', () => show(point));
    point.addEventListener('blur', () => (tip.hidden = true));
  }
}

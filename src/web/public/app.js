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

// Chart points: tooltips on hover and on keyboard focus; the <title> of each point is the no-JavaScript
// fallback. The chart is one Tab stop (a roving tabindex): Tab lands on the point last visited (the first, at
// first), the arrow keys, Home and End move between quarters, and Escape hides the tooltip (WCAG 2.1.1, 1.4.13).
const CHART_KEYS = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 };
for (const figure of document.querySelectorAll('.app-chart-figure')) {
  const svg = figure.querySelector('svg');
  if (!svg) continue;
  const tip = document.createElement('div');
  tip.className = 'app-tooltip';
  tip.hidden = true;
  tip.setAttribute('aria-hidden', 'true');
  figure.appendChild(tip);
  const points = [...svg.querySelectorAll('[data-tooltip]')];
  const show = (point) => {
    const box = point.getBoundingClientRect();
    const outer = figure.getBoundingClientRect();
    tip.textContent = point.getAttribute('data-tooltip');
    tip.hidden = false;
    // Centred over the point, but kept inside the figure, so a narrow screen shows all of it (WCAG 1.4.10).
    const half = tip.offsetWidth / 2;
    const centre = box.left + box.width / 2 - outer.left;
    tip.style.left = `${Math.max(half, Math.min(outer.width - half, centre))}px`;
    tip.style.top = `${box.top - outer.top}px`;
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
  const visit = (point) => {
    for (const p of points) p.setAttribute('tabindex', p === point ? '0' : '-1');
  };
  if (points.length) visit(points[0]);
  svg.addEventListener('keydown', (event) => {
    const at = points.indexOf(event.target);
    if (at < 0) return;
    const to =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? points.length - 1
          : event.key in CHART_KEYS
            ? Math.min(points.length - 1, Math.max(0, at + CHART_KEYS[event.key]))
            : null;
    if (to === null) return;
    event.preventDefault();
    visit(points[to]);
    points[to].focus();
  });
  for (const point of points) {
    point.addEventListener('mouseenter', () => show(point));
    point.addEventListener('mouseleave', leave);
    point.addEventListener('focus', () => {
      visit(point);
      show(point);
    });
    point.addEventListener('blur', () => (tip.hidden = true));
  }
}

// The report's first part: what to do first, ranked in the pure report (src/lib/report/todo.ts).
import type { TodoItem } from '../lib/report/index';
import { withBase } from '../lib/urls';
import { el } from './classifier-dom';
import { thousands } from '../lib/thousands';
import { percent as pct } from '../lib/percent';

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function trend(t: TodoItem['trend']) {
  if (!t) return null;
  return el(
    'span',
    { class: 'todo-trend', 'data-todo-trend': t.kind },
    t.kind === 'new' ? `New since ${when(t.since)}` : `Rising since ${when(t.since)}`,
  );
}

function item(t: TodoItem, base: string) {
  return el(
    'li',
    { 'data-todo-entry': t.entry, 'data-todo-kind': t.kind },
    el('strong', {}, t.title),
    ' ',
    el(
      'span',
      { class: 'todo-share', 'data-todo-share': '' },
      `${pct(t.share)} of iCloud attempts (${thousands(t.replies)} ${t.replies === 1 ? 'reply' : 'replies'}${t.permanent ? ', permanent' : ', temporary'})`,
    ),
    ' ',
    trend(t.trend),
    el(
      'span',
      { class: 'todo-action' },
      `${t.action} `,
      el('a', { href: `${withBase(base, t.path)}#what-to-do` }, 'Steps'),
    ),
  );
}

export function renderTodo(todo: readonly TodoItem[], base: string) {
  return el(
    'section',
    { 'aria-labelledby': 'report-todo-heading', 'data-report-todo': '' },
    el('h3', { id: 'report-todo-heading' }, 'What to do first'),
    todo.length
      ? el('ol', { class: 'report-todo' }, ...todo.map((t) => item(t, base)))
      : el('p', {}, 'Nothing: no reply in these files was credited to an iCloud entry.'),
  );
}

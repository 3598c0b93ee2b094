'use client';
// Dark/light theme switch, persisted in localStorage (the root layout's script applies it before paint).
import { useSyncExternalStore } from 'react';

const KEY = 'gatehouse-theme';

/** The theme is the `dark` class on <html>: watched there, so every toggle (and the layout's script) is seen. */
function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}
const isDark = () => document.documentElement.classList.contains('dark');
/** On the server (and while hydrating) the theme is not known yet. */
const unknownOnServer = () => undefined;

export function ThemeToggle() {
  const dark = useSyncExternalStore<boolean | undefined>(subscribe, isDark, unknownOnServer);
  const toggle = () => {
    const next = !document.documentElement.classList.contains('dark');
    document.documentElement.classList.toggle('dark', next);
    try {
      localStorage.setItem(KEY, next ? 'dark' : 'light');
    } catch {
      // Storage disabled: the choice lasts for this page only.
    }
  };
  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={dark ?? false}
      aria-label="Dark theme"
      title={dark ? 'Switch to light theme' : 'Switch to dark theme'}
      className="inline-flex h-9 items-center gap-1 rounded-md px-2 text-sm text-slate-700 hover:bg-slate-200 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      <span aria-hidden>{dark ? '☾' : '☀'}</span>
      <span className="hidden sm:inline">{dark ? 'Dark' : 'Light'}</span>
    </button>
  );
}

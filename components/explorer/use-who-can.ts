'use client';
// Runs a who-can question in slices of a few milliseconds between frames, so that a large account never blocks
// the page; re-renders with the progress after each slice.
import { useEffect, useState } from 'react';
import type { CompiledAccount } from '@/lib/explorer/compile-account';
import { startWhoCan, type WhoCanProgress, type WhoCanQuestion, type WhoCanResults } from '@/lib/explorer/who-can';

const SLICE_MS = 12;

/** Live state of a run: results grow while `progress.finished` is false; `version` changes at every slice. */
export interface WhoCanState {
  results: WhoCanResults;
  progress: WhoCanProgress;
  version: number;
  elapsedMs: number;
}

/** Evaluates the question against every principal of the account (undefined question: nothing runs). */
export function useWhoCan(account: CompiledAccount | undefined, question: WhoCanQuestion | undefined): WhoCanState | undefined {
  const key = question ? JSON.stringify(question) : '';
  // Tagged with the account and question it answers: a run for another one is never shown (and needs no reset).
  const [state, setState] = useState<{ account: CompiledAccount; key: string; value: WhoCanState }>();
  useEffect(() => {
    if (!account || !key) return;
    const run = startWhoCan(account, JSON.parse(key) as WhoCanQuestion);
    const started = performance.now();
    let cancelled = false;
    let version = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      if (cancelled) return;
      const sliceStart = performance.now();
      let progress = run.progress();
      do progress = run.step(20);
      while (!progress.finished && performance.now() - sliceStart < SLICE_MS);
      setState({ account, key, value: { results: run.results, progress, version: ++version, elapsedMs: performance.now() - started } });
      if (!progress.finished) timer = setTimeout(slice, 0);
      else performance.measure('explorer:who-can', { start: started, end: performance.now() });
    };
    timer = setTimeout(slice, 0);
    return () => {
      cancelled = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [account, key]);
  return account && key && state?.account === account && state.key === key ? state.value : undefined;
}

'use client';
// Runs the escalation analysis (every path to admin) in slices of a few milliseconds between frames, with progress,
// once per compiled account.
import { useEffect, useState } from 'react';
import type { CompiledAccount } from '@/lib/explorer/compile-account';
import { startEscalation, type EscalationAnalysis, type EscalationProgress } from '@/lib/explorer/escalation';

const SLICE_MS = 12;

/** Live state: `analysis` is complete when `progress.finished`. */
export interface EscalationState {
  analysis: EscalationAnalysis;
  progress: EscalationProgress;
  elapsedMs: number;
}

export function useEscalation(account: CompiledAccount | undefined): EscalationState | undefined {
  // Tagged with the account it belongs to: a run for another account is never shown (and needs no reset).
  const [state, setState] = useState<{ account: CompiledAccount; value: EscalationState }>();
  useEffect(() => {
    if (!account) return;
    const run = startEscalation(account);
    const started = performance.now();
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      if (cancelled) return;
      const sliceStart = performance.now();
      let progress = run.progress();
      do progress = run.step(10);
      while (!progress.finished && performance.now() - sliceStart < SLICE_MS);
      setState({ account, value: { analysis: run.analysis, progress, elapsedMs: performance.now() - started } });
      if (!progress.finished) timer = setTimeout(slice, 0);
      else performance.measure('explorer:escalation', { start: started, end: performance.now() });
    };
    timer = setTimeout(slice, 0);
    return () => {
      cancelled = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [account]);
  return account && state?.account === account ? state.value : undefined;
}

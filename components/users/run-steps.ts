// Runs a list of API steps one after another, reporting progress and stopping at the first refusal.
import { unwrap } from '@/components/ui/query';
import type { ActionError, ActionResult } from '@/lib/console/result';

/** One call the console makes for the person, with the words that describe it. */
export interface Step {
  label: string;
  run: () => Promise<ActionResult<unknown>>;
}

export interface StepsOutcome {
  done: number;
  failed?: { step: Step; error: ActionError };
}

/** Runs steps in order; `onProgress(done, total, current)` after each. Stops at the first failure. */
export async function runSteps(steps: Step[], onProgress: (done: number, total: number, current?: string) => void): Promise<StepsOutcome> {
  let done = 0;
  for (const step of steps) {
    onProgress(done, steps.length, step.label);
    const result = await step.run();
    if (!result.ok) {
      if (result.error.code === 'SessionExpired') unwrap(result);
      return { done, failed: { step, error: result.error } };
    }
    done++;
  }
  onProgress(done, steps.length);
  return { done };
}

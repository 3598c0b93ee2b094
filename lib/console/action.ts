// The one wrapper every console server action goes through: zod-validated input, a signed-in session, the
// principal's IAM/STS clients, and errors returned as ActionResult (never thrown, never a stack trace).
import 'server-only';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { STSClient } from '@aws-sdk/client-sts';
import type { z } from 'zod';
import { iamClientFor, stsClientFor } from './clients';
import { toActionError } from './errors';
import type { ActionResult } from './result';
import { getConsoleSessionState, type ConsoleSession } from './session';

/** What an action's body receives besides its input. */
export interface ActionContext {
  session: ConsoleSession;
  iam: IAMClient;
  sts: STSClient;
}

export interface ActionOptions {
  /** API member name → form field name, so a ValidationError points at the right input. */
  fieldNames?: Record<string, string>;
  /** Allowed while a password change is pending (only the change-password action). */
  allowPendingPasswordReset?: boolean;
}

/**
 * Defines a server action. Use it in a `'use server'` file:
 * `export const deleteUser = action(z.object({ userName: z.string() }), async ({ userName }, { iam }) => {...})`.
 */
export function action<Schema extends z.ZodType, Output>(
  schema: Schema,
  body: (input: z.output<Schema>, ctx: ActionContext) => Promise<Output>,
  options: ActionOptions = {},
): (input: z.input<Schema>) => Promise<ActionResult<Output>> {
  return async (input) => {
    const state = await getConsoleSessionState();
    if (state.status !== 'active') {
      return {
        ok: false,
        error: {
          code: state.status === 'expired' ? 'SessionExpired' : 'NotSignedIn',
          message: state.status === 'expired' ? 'Your session has expired. Sign in again.' : 'Sign in to continue.',
        },
      };
    }
    const { session } = state;
    if (session.passwordResetRequired && !options.allowPendingPasswordReset) {
      return { ok: false, error: { code: 'PasswordResetRequired', message: 'Change your password before doing anything else.' } };
    }
    const parsed = schema.safeParse(input);
    if (!parsed.success) return { ok: false, error: toActionError(parsed.error, options.fieldNames) };
    try {
      const data = await body(parsed.data, { session, iam: iamClientFor(session.credentials), sts: stsClientFor(session.credentials) });
      return { ok: true, data };
    } catch (error) {
      const mapped = toActionError(error, options.fieldNames);
      if (mapped.code === 'InternalError') {
        // The server log keeps what went wrong, without the credentials (they are never in error messages).
        console.error(`[console-action] ${(error as Error)?.name ?? 'Error'}: ${(error as Error)?.message ?? String(error)}`);
      }
      return { ok: false, error: mapped };
    }
  };
}

/** Runs an IAM call in a server component and returns its result or the mapped error (no session handling). */
export async function attempt<T>(call: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await call() };
  } catch (error) {
    const mapped = toActionError(error);
    if (mapped.code === 'InternalError')
      console.error(`[console] ${(error as Error)?.name ?? 'Error'}: ${(error as Error)?.message ?? String(error)}`);
    return { ok: false, error: mapped };
  }
}

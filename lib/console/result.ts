// The result of a console server action, shared by server and client (types only: safe in client bundles).

/** An error a person can act on. `field` names the form field at fault; `permission` the IAM action missing. */
export interface ActionError {
  code: string;
  message: string;
  field?: string;
  permission?: string;
}

/** What every server action returns: never a thrown error, never a stack trace. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

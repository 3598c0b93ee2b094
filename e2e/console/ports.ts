// The two console servers' ports. GH_E2E_PORT moves both (main = GH_E2E_PORT, short sessions = GH_E2E_PORT + 1),
// so two checkouts can run the Playwright suite on one machine at once.
export const MAIN_PORT = Number(process.env.GH_E2E_PORT ?? 3100);
export const SHORT_PORT = MAIN_PORT + 1;

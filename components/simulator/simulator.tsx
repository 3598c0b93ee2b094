'use client';
// The policy simulator: lib/policy runs here in the browser, so every edit re-evaluates at once and every
// decision points at the statement that made it. State lives in the URL; the IAM API is used only to gather
// policies, list principals, load the action catalogue and, on request, to check with the service's simulator.
// State and effects are in useSimulation; the sections below only render them.
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SimulationInputs } from './simulation-inputs';
import { SimulationPolicies } from './simulation-policies';
import { SimulationResults } from './simulation-results';
import { useSimulation, type Simulation } from './use-simulation';

function ShareLink({ sim }: { sim: Simulation }) {
  const { copied, setCopied } = sim;
  return (
    <section aria-labelledby="sim-share" className="flex flex-wrap items-center gap-2">
      <h2 id="sim-share" className="sr-only">
        Share
      </h2>
      <Button
        variant="secondary"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(window.location.href);
            setCopied(true);
          } catch {
            setCopied(false);
          }
        }}
      >
        Copy link to this simulation
      </Button>
      {copied && <span className="text-sm">Copied.</span>}
    </section>
  );
}

export function Simulator({ signedInAccountId, region }: { signedInAccountId: string; region: string }) {
  const sim = useSimulation({ signedInAccountId, region });
  return (
    <div className="space-y-6">
      {sim.linkError && (
        <Alert tone="warning">The simulation link could not be read (it may be truncated). Starting from an empty simulation.</Alert>
      )}
      <SimulationInputs sim={sim} />
      <SimulationResults sim={sim} />
      <SimulationPolicies sim={sim} />
      <ShareLink sim={sim} />
    </div>
  );
}

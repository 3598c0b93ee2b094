'use client';
// New credentials shown once: each value with a copy button, the secret hidden until asked, and the .csv download.
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="sm"
      variant="ghost"
      aria-label={`Copy ${label}`}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value);
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        } catch {
          setCopied(false);
        }
      }}
    >
      {copied ? 'Copied' : 'Copy'}
    </Button>
  );
}

/** A labelled credential value; `secret` values are masked until shown. */
export function CredentialValue({ label, value, secret, testId }: { label: string; value: string; secret?: boolean; testId?: string }) {
  const [shown, setShown] = useState(!secret);
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="w-40 shrink-0 font-medium">{label}</span>
      <code
        className="min-w-0 flex-1 break-all rounded bg-slate-100 px-2 py-1 font-mono dark:bg-slate-800"
        data-testid={testId}
        data-value={value}
      >
        {shown ? value : '••••••••••••••••'}
      </code>
      {secret && (
        <Button size="sm" variant="ghost" onClick={() => setShown((s) => !s)} aria-pressed={shown}>
          {shown ? 'Hide' : 'Show'}
        </Button>
      )}
      <CopyButton value={value} label={label} />
    </div>
  );
}

/** The "shown once" frame around new credentials. */
export function SecretOnce({
  children,
  onDownload,
  downloadLabel,
}: {
  children: React.ReactNode;
  onDownload: () => void;
  downloadLabel: string;
}) {
  return (
    <div className="space-y-3 rounded-md border border-amber-300 p-3 dark:border-amber-800">
      <Alert tone="warning" title="This is the only time the secret is shown">
        Copy it or download the .csv file now. You cannot see it again; if it is lost, create a new key and delete this one.
      </Alert>
      {children}
      <Button variant="secondary" onClick={onDownload}>
        {downloadLabel}
      </Button>
    </div>
  );
}

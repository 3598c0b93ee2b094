'use client';
// The who-can question: an action (autocomplete from the action catalogue), a resource ARN (default *), and
// optional context keys. Submitting writes the question into the URL, which starts the evaluation.
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Textarea } from '@/components/ui/input';
import { useActionQuery } from '@/components/ui/query';
import { listCatalogServices, loadServiceCatalog } from '@/lib/console/actions/simulator/load-service-catalog';
import { contextText, parseContextText } from '@/lib/explorer/url-state';
import { questionProblem, type WhoCanQuestion } from '@/lib/explorer/who-can';

const MAX_SUGGESTIONS = 200;

/** Action suggestions: services until a prefix is typed, then that service's actions. */
function useActionSuggestions(text: string, enabled: boolean): string[] {
  const service = /^([a-z0-9-]+):/i.exec(text)?.[1]?.toLowerCase();
  const services = useActionQuery(['simulator-services'], listCatalogServices, {}, { staleTime: Infinity, enabled: enabled && !service });
  const catalog = useActionQuery(
    ['simulator-catalog', service ?? ''],
    loadServiceCatalog,
    { service: service ?? 'none' },
    { staleTime: Infinity, enabled: enabled && !!service },
  );
  if (service) {
    const prefix = text.toLowerCase();
    return (catalog.data?.actions ?? [])
      .map((a) => `${catalog.data!.service}:${a.name}`)
      .filter((a) => a.toLowerCase().startsWith(prefix))
      .slice(0, MAX_SUGGESTIONS);
  }
  const lower = text.toLowerCase();
  return (services.data ?? [])
    .filter((s) => s.service.startsWith(lower))
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => `${s.service}:`);
}

export function QuestionForm({
  question,
  onAsk,
  busy,
}: {
  question: WhoCanQuestion;
  onAsk: (question: WhoCanQuestion) => void;
  busy: boolean;
}) {
  const [action, setAction] = useState(question.action);
  const [resource, setResource] = useState(question.resource);
  const [context, setContext] = useState(contextText(question.context));
  const [focused, setFocused] = useState(false);
  const [error, setError] = useState<{ field: 'action' | 'resource' | 'context'; message: string }>();
  const listId = useId();
  const suggestions = useActionSuggestions(action.trim(), focused && action.trim().length > 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseContextText(context);
    if (parsed.invalid.length > 0) {
      setError({ field: 'context', message: `Write each context key as key=value: ${parsed.invalid.join(', ')}` });
      return;
    }
    const next: WhoCanQuestion = { action: action.trim(), resource: resource.trim() || '*', context: parsed.context };
    const problem = questionProblem(next);
    if (problem) {
      setError({ field: problem.includes('resource') ? 'resource' : 'action', message: problem });
      return;
    }
    setError(undefined);
    onAsk(next);
  };

  return (
    <form onSubmit={submit} className="grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]" aria-label="Who can question">
      <div>
        <Input
          label="Action"
          name="action"
          placeholder="iam:CreateUser"
          autoComplete="off"
          spellCheck={false}
          list={listId}
          value={action}
          onChange={(e) => setAction(e.target.value)}
          onFocus={() => setFocused(true)}
          hint="One action as service:Action. Suggestions come from AWS's action catalogue."
          error={error?.field === 'action' ? error.message : undefined}
        />
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </div>
      <Input
        label="Resource ARN"
        name="resource"
        placeholder="*"
        autoComplete="off"
        spellCheck={false}
        value={resource}
        onChange={(e) => setResource(e.target.value)}
        hint="An ARN such as arn:aws:s3:::bucket/key, or * for every resource."
        error={error?.field === 'resource' ? error.message : undefined}
      />
      <Textarea
        label="Context keys (optional)"
        name="context"
        rows={2}
        className="md:col-span-2"
        placeholder={'aws:SourceIp=203.0.113.7\naws:MultiFactorAuthPresent=true'}
        value={context}
        onChange={(e) => setContext(e.target.value)}
        hint="One key=value per line (several values: key=a,b). Each principal's own keys (aws:username, aws:PrincipalArn, aws:PrincipalTag/…) are filled in."
        error={error?.field === 'context' ? error.message : undefined}
      />
      <div className="md:col-span-2">
        <Button type="submit" pending={busy}>
          Ask who can
        </Button>
      </div>
    </form>
  );
}

'use client';
// The policy editor: CodeMirror 6 with lib/policy's validation findings as lint diagnostics at their source
// ranges (as you type), the catalogue-backed findings from the server shortly after, a findings list, a live
// size meter, and an optional highlighted range (the simulator marks a deciding statement with it).
import { lintGutter, linter, setDiagnostics } from '@codemirror/lint';
import { EditorSelection, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import CodeMirror, { type ReactCodeMirrorRef } from '@uiw/react-codemirror';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Finding, SourceRange } from '@/lib/policy';
import { validatePolicyDocument } from '@/lib/console/actions/policies/validate-policy-document';
import { toDiagnostics } from './diagnostics';
import { FindingsList } from './findings-list';
import { localAnalyzerFindings } from './analyzer-findings';
import { jsonLanguage } from './json-language';
import { POLICY_SIZE_LIMITS, type EditorPolicyType } from './policy-limits';
import { SizeMeter } from './size-meter';

export interface PolicyEditorProps {
  value: string;
  onChange?: (value: string) => void;
  policyType: EditorPolicyType;
  readOnly?: boolean;
  /** A range to mark (e.g. the statement that decided a simulation); scrolled into view when it changes. */
  highlightRange?: SourceRange | { from: number; to: number } | null;
  /** How the range is marked: the deciding statement (solid yellow) or the closest miss (dashed, no fill). */
  highlightKind?: 'deciding' | 'closest';
  /** Accessible name of the editing area. */
  label?: string;
  /** Size quota in non-whitespace characters; defaults to AWS's limit for `policyType`. */
  sizeLimit?: number;
  /** Also check actions and condition keys against the action catalogue on the server (default true). */
  catalogValidation?: boolean;
  /** Hide the findings list (diagnostics stay in the editor). */
  hideFindings?: boolean;
  /** Receives the current findings whenever they change (e.g. to block saving on errors). */
  onFindings?: (findings: Finding[]) => void;
  /** Editor height (CSS). */
  height?: string;
}

const setHighlight = StateEffect.define<{ from: number; to: number; kind?: 'deciding' | 'closest' } | null>();
const highlightMarks = { deciding: Decoration.mark({ class: 'cm-gh-highlight' }), closest: Decoration.mark({ class: 'cm-gh-closest' }) };
const highlightField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, transaction) {
    let next = decorations.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (effect.is(setHighlight)) {
        const range = effect.value;
        const length = transaction.state.doc.length;
        next =
          range && range.to > range.from && range.from < length
            ? Decoration.set([highlightMarks[range.kind ?? 'deciding'].range(Math.max(0, range.from), Math.min(length, range.to))])
            : Decoration.none;
      }
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const editorTheme = EditorView.theme({
  '&': { fontSize: '13px' },
  '.cm-content': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' },
  '.cm-gh-highlight': { backgroundColor: 'rgba(250, 204, 21, 0.35)', outline: '1px solid rgba(202, 138, 4, 0.8)' },
  '.cm-gh-closest': { backgroundColor: 'rgba(148, 163, 184, 0.18)', outline: '1px dashed rgba(37, 99, 235, 0.9)' },
  '.cm-diagnostic-security': { borderLeft: '5px solid #c2410c' },
  '.cm-lintRange-security': {
    backgroundImage:
      "url(\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' width='6' height='3'><path d='m0 3 l2 -2 l1 0 l2 2 l1 0' stroke='%23c2410c' fill='none' stroke-width='.9'/></svg>\")",
  },
});

function rangeOffsets(range: PolicyEditorProps['highlightRange']): { from: number; to: number } | null {
  if (!range) return null;
  if ('from' in range) return range;
  return { from: range.start.offset, to: range.end.offset };
}

/** A policy document editor with validation as you type. */
export function PolicyEditor({
  value,
  onChange,
  policyType,
  readOnly = false,
  highlightRange,
  highlightKind = 'deciding',
  label = 'Policy document (JSON)',
  sizeLimit,
  catalogValidation = true,
  hideFindings = false,
  onFindings,
  height = '22rem',
}: PolicyEditorProps) {
  const ref = useRef<ReactCodeMirrorRef>(null);
  const findingsId = useId();
  const localFindings = useMemo(() => localAnalyzerFindings(value, policyType), [value, policyType]);

  // Catalogue findings for the text as it was when they were computed; used only while it is still the text.
  const [catalog, setCatalog] = useState<{ text: string; policyType: string; findings: Finding[] } | null>(null);
  useEffect(() => {
    if (!catalogValidation || localFindings.some((f) => f.code === 'JSON_SYNTAX_ERROR')) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      const result = await validatePolicyDocument({ document: value, policyType }).catch(() => null);
      if (!cancelled && result?.ok) setCatalog({ text: value, policyType, findings: result.data.findings });
    }, 500);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [value, policyType, catalogValidation, localFindings]);
  const findings = catalog && catalog.text === value && catalog.policyType === policyType ? catalog.findings : localFindings;

  // For an editor created later (onCreateEditor): the findings of the last commit.
  const findingsRef = useRef(findings);
  useEffect(() => {
    findingsRef.current = findings;
    onFindings?.(findings);
    // The findings React computed for the current text are the one source of the editor's lint marks.
    const view = ref.current?.view;
    if (view) view.dispatch(setDiagnostics(view.state, toDiagnostics(findings, view.state.doc.length)));
  }, [findings, onFindings]);

  const extensions = useMemo<Extension[]>(
    () => [
      jsonLanguage,
      // The lint state only (no source): diagnostics are set from React's findings, and survive reconfiguration.
      linter(null),
      lintGutter(),
      highlightField,
      editorTheme,
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': label, 'aria-describedby': findingsId }),
    ],
    [label, findingsId],
  );

  const basicSetup = useMemo(() => ({ foldGutter: true, highlightActiveLine: !readOnly, autocompletion: false }), [readOnly]);

  const offsets = rangeOffsets(highlightRange);
  const highlight = offsets ? { ...offsets, kind: highlightKind } : null;
  const highlightKey = highlight ? `${highlight.from}:${highlight.to}:${highlight.kind}` : '';
  useEffect(() => {
    const view = ref.current?.view;
    if (!view) return;
    view.dispatch({
      effects: [
        setHighlight.of(highlight),
        ...(highlight ? [EditorView.scrollIntoView(Math.min(highlight.from, view.state.doc.length), { y: 'center' })] : []),
      ],
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the range's offsets: a new but equal range object must not scroll again
  }, [highlightKey]);

  const goTo = (finding: Finding) => {
    const view = ref.current?.view;
    if (!view || !finding.range) return;
    const length = view.state.doc.length;
    const from = Math.min(finding.range.start.offset, length);
    const to = Math.min(Math.max(from, finding.range.end.offset), length);
    view.dispatch({ selection: EditorSelection.single(from, to), scrollIntoView: true });
    view.focus();
  };

  const dark = typeof document !== 'undefined' && document.documentElement.classList.contains('dark');

  return (
    <div className="space-y-2" data-testid="policy-editor">
      <div className="overflow-hidden rounded-md border border-slate-300 dark:border-slate-600">
        <CodeMirror
          ref={ref}
          value={value}
          onChange={onChange}
          readOnly={readOnly}
          editable={!readOnly}
          height={height}
          theme={dark ? 'dark' : 'light'}
          extensions={extensions}
          // Tab is left to move focus (no keyboard trap); indent with spaces.
          indentWithTab={false}
          basicSetup={basicSetup}
          onCreateEditor={(view) => {
            view.dispatch(setDiagnostics(view.state, toDiagnostics(findingsRef.current, view.state.doc.length)));
            if (highlight) view.dispatch({ effects: setHighlight.of(highlight) });
          }}
        />
      </div>
      <SizeMeter text={value} limit={sizeLimit ?? POLICY_SIZE_LIMITS[policyType]} />
      <div id={findingsId}>{!hideFindings && <FindingsList findings={findings} onSelect={goTo} />}</div>
    </div>
  );
}

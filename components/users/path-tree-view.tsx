'use client';
// The path tree as a WAI-ARIA tree: arrows move, Right/Left expand and collapse, Enter selects; a count per node.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { cn } from '@/components/ui/cn';
import { ancestorsOf, visibleNodes, type PathNode } from './path-tree';

export interface PathTreeViewProps {
  root: PathNode;
  selected: string;
  onSelect: (path: string) => void;
}

export function PathTreeView({ root, selected, onSelect }: PathTreeViewProps) {
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(ancestorsOf(selected)));
  const [focused, setFocused] = useState(selected);
  const refs = useRef(new Map<string, HTMLDivElement>());
  const rows = useMemo(() => visibleNodes(root, expanded), [root, expanded]);

  const toggle = (path: string, open?: boolean) => {
    const willOpen = open ?? !expanded.has(path);
    // The benchmark measures from this mark to the next paint.
    performance.mark(willOpen ? 'gh:tree-expand' : 'gh:tree-collapse');
    setExpanded((current) => {
      const next = new Set(current);
      if (willOpen) next.add(path);
      else next.delete(path);
      return next;
    });
  };
  const focus = (path: string) => {
    setFocused(path);
    refs.current.get(path)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const row = rows[index]!;
    const { node } = row;
    const isOpen = expanded.has(node.path);
    switch (event.key) {
      case 'ArrowDown':
        if (rows[index + 1]) focus(rows[index + 1]!.node.path);
        break;
      case 'ArrowUp':
        if (rows[index - 1]) focus(rows[index - 1]!.node.path);
        break;
      case 'ArrowRight':
        if (node.children.length && !isOpen) toggle(node.path, true);
        else if (isOpen && node.children[0]) focus(node.children[0].path);
        break;
      case 'ArrowLeft':
        if (isOpen && node.children.length) toggle(node.path, false);
        else if (row.parent) focus(row.parent);
        break;
      case 'Home':
        focus(rows[0]!.node.path);
        break;
      case 'End':
        focus(rows[rows.length - 1]!.node.path);
        break;
      case 'Enter':
      case ' ':
        onSelect(node.path);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const tabStop = rows.some((r) => r.node.path === focused) ? focused : selected;
  return (
    <div role="tree" aria-label="User paths" className="text-sm">
      {rows.map(({ node, depth }, index) => {
        const isOpen = expanded.has(node.path);
        const isSelected = node.path === selected;
        return (
          <div
            key={node.path}
            ref={(el) => {
              if (el) refs.current.set(node.path, el);
              else refs.current.delete(node.path);
            }}
            role="treeitem"
            aria-level={depth + 1}
            aria-selected={isSelected}
            aria-expanded={node.children.length ? isOpen : undefined}
            data-path={node.path}
            tabIndex={node.path === tabStop ? 0 : -1}
            onKeyDown={(e) => onKeyDown(e, index)}
            onFocus={() => setFocused(node.path)}
            onClick={() => onSelect(node.path)}
            className={cn(
              'flex cursor-pointer items-center gap-1 rounded px-1 py-1 outline-none focus-visible:ring-2 focus-visible:ring-blue-600',
              isSelected
                ? 'bg-blue-100 font-medium text-blue-950 dark:bg-sky-900 dark:text-sky-50'
                : 'hover:bg-slate-100 dark:hover:bg-slate-800',
            )}
            style={{ paddingLeft: `${depth * 0.9 + 0.25}rem` }}
          >
            {node.children.length ? (
              <button
                type="button"
                tabIndex={-1}
                aria-label={`${isOpen ? 'Collapse' : 'Expand'} ${node.path}`}
                onClick={(e) => {
                  e.stopPropagation();
                  toggle(node.path);
                }}
                className="inline-flex h-5 w-5 items-center justify-center rounded text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700"
              >
                <span aria-hidden>{isOpen ? '▾' : '▸'}</span>
              </button>
            ) : (
              <span className="inline-block h-5 w-5" aria-hidden />
            )}
            <span className="truncate font-mono">{node.path === '/' ? '/ (all users)' : `${node.name}/`}</span>
            <span
              className="ml-auto rounded bg-slate-200 px-1.5 text-xs tabular-nums text-slate-800 dark:bg-slate-700 dark:text-slate-100"
              aria-label={`${node.count} users`}
            >
              {node.count}
            </span>
          </div>
        );
      })}
    </div>
  );
}

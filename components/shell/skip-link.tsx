// "Skip to content": the first focusable element of every page.
export function SkipLink({ target = 'main-content' }: { target?: string }) {
  return (
    <a
      href={`#${target}`}
      className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:text-blue-800 focus:shadow dark:focus:bg-slate-900 dark:focus:text-sky-300"
    >
      Skip to content
    </a>
  );
}

// Loading that follows the filters and page a table shows: it loads again whenever its
// inputs change or reload() is called, keeps the last answer on show while the next one
// loads, and never lets a slower, older answer overwrite the answer to the newest inputs.
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export type LatestLoad<T> = { status: 'loading'; previous?: T } | { status: 'failed'; error: unknown } | { status: 'ready'; value: T };

export function useLatestLoad<T>(load: () => Promise<T>, inputs: DependencyList): { state: LatestLoad<T>; shown: T | undefined; reload: () => void } {
  const [state, setState] = useState<LatestLoad<T>>({ status: 'loading' });
  const [reloadCount, setReloadCount] = useState(0);
  const requestCount = useRef(0);
  // The newest closure; the effect runs only when the inputs say so.
  const latestLoad = useRef(load);
  latestLoad.current = load;

  useEffect(() => {
    const request = ++requestCount.current;
    setState((current) => ({
      status: 'loading',
      previous: current.status === 'ready' ? current.value : current.status === 'loading' ? current.previous : undefined,
    }));
    latestLoad.current().then(
      (value) => {
        if (request === requestCount.current) setState({ status: 'ready', value });
      },
      (error: unknown) => {
        if (request === requestCount.current) setState({ status: 'failed', error });
      },
    );
    // The inputs are the caller's dependency list, plus reload().
  }, [...inputs, reloadCount]);

  const reload = useCallback(() => setReloadCount((count) => count + 1), []);
  const shown = state.status === 'ready' ? state.value : state.status === 'loading' ? state.previous : undefined;
  return { state, shown, reload };
}

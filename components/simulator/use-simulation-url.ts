'use client';
// Keeps the simulation in the URL (`?s=`, deflated): read once on load, written (debounced) on every change,
// with history.replaceState so that typing does not pile up history entries or re-render the page.
import { useEffect, useRef, useState } from 'react';
import { decodeState, encodeState } from '@/lib/simulator/url-state';
import { emptyState, type SimulationState } from '@/lib/simulator/types';

/** The simulation state, loaded from and saved to the URL. `ready` is false until the URL has been read. */
export function useSimulationUrlState() {
  const [state, setState] = useState<SimulationState>(emptyState);
  const [ready, setReady] = useState(false);
  const [linkError, setLinkError] = useState(false);
  const [encoded, setEncoded] = useState('');
  const first = useRef(true);

  useEffect(() => {
    const param = new URLSearchParams(window.location.search).get('s');
    let live = true;
    // One path with or without a link: decoding is asynchronous (decompression streams), so is the empty case.
    (param ? decodeState(param) : Promise.resolve(emptyState)).then((decoded) => {
      if (!live) return;
      if (decoded) setState(decoded);
      else setLinkError(true);
      // An incoming link stays as it is (even one that does not decode) until something changes.
      if (param) setEncoded(param);
      setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!ready) return;
    if (first.current) {
      first.current = false;
      // Keep an incoming link as it is until something changes.
      if (new URLSearchParams(window.location.search).get('s')) return;
    }
    let cancelled = false;
    const timer = setTimeout(async () => {
      const text = await encodeState(state);
      if (cancelled) return;
      setEncoded(text);
      const url = new URL(window.location.href);
      url.searchParams.set('s', text);
      window.history.replaceState(window.history.state, '', url);
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [state, ready]);

  return { state, setState, ready, linkError, encoded };
}

/** Health as `/health` reports it: did the last call to an outside system succeed? A watch wraps an adapter and records each call's outcome, changing nothing for the caller. */

/** The last outcome seen; `ok` undefined until the first call ends. */
export interface CallWatch {
  ok?: boolean;
  at?: number;
  error?: string;
}

/** The names of `T`'s methods that return promises: what a watch can wrap. */
export type AsyncMethodOf<T> = {
  [K in keyof T]: T[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof T] &
  string;

/**
 * Wraps `target` so each call of the named async methods records its outcome in `watch`; names are checked against `T`, so a rename cannot silently end the watch.
 * `isOutage` tells a failure of the system (down, refusing our keys) from an answer about one request (a missing chat), which says the system works.
 */
export function watchCalls<T extends object>(
  target: T,
  methods: readonly AsyncMethodOf<T>[],
  watch: CallWatch,
  isOutage: (error: unknown) => boolean = () => true,
): T {
  const names = new Set<string>(methods);
  const record = (ok: boolean, error?: unknown): void => {
    watch.ok = ok;
    watch.at = Date.now();
    if (ok) delete watch.error;
    else watch.error = error instanceof Error ? error.message : String(error);
  };
  // One wrapper per method, made on first use: the store's reads run thousands of times a pass.
  const wrappers = new Map<PropertyKey, unknown>();
  const wrap = (property: PropertyKey, method: (...args: unknown[]) => unknown): unknown => {
    if (typeof property !== 'string' || !names.has(property)) return method.bind(target);
    return async (...args: unknown[]) => {
      try {
        const result = await method.apply(target, args);
        record(true);
        return result;
      } catch (error) {
        if (isOutage(error)) record(false, error);
        else record(true);
        throw error;
      }
    };
  };
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== 'function') return value;
      let wrapper = wrappers.get(property);
      if (wrapper === undefined) {
        wrapper = wrap(property, value as (...args: unknown[]) => unknown);
        wrappers.set(property, wrapper);
      }
      return wrapper;
    },
  });
}

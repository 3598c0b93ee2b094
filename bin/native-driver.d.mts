// Types of bin/native-driver.mjs (plain JavaScript, so bin/start.mjs can run it without a compiler).
export function nativeDriverProblem(load?: () => unknown): string | undefined;
export function requireNativeDriver(): void;

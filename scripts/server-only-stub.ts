// Vitest runs outside Next's bundler, where "server-only" would throw; this stub stands in for it.
export {};

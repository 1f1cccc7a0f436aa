// Placeholder until the loader lands (config helper owns this file).
export {};

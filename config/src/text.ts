// Placeholder until text helpers land (config helper owns this file).
export {};
